package dev.tributary.autoconfigure.local;

import java.time.Duration;

import dev.tributary.local.LocalRuntimeOptions;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks the {@code tributary.local.lease.*} properties and copies them into the runtime's
 * options, so a bad value fails at startup naming the property rather than deep in the runtime.
 *
 * @author Tributary
 */
final class LeaseSettings {

	private static final String DURATION = LocalRuntimeProperties.PREFIX + ".lease.duration";

	private static final String HEARTBEAT = LocalRuntimeProperties.PREFIX + ".lease.heartbeat-interval";

	private LeaseSettings() {
	}

	static void apply(LocalRuntimeProperties.Lease lease, LocalRuntimeOptions.Builder builder) {
		Duration duration = lease.getDuration();
		Duration heartbeat = lease.getHeartbeatInterval();
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidConfigurationPropertyValueException(DURATION, duration,
					"The lease duration must be positive, such as 10s");
		}
		if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
			throw new InvalidConfigurationPropertyValueException(HEARTBEAT, heartbeat,
					"The heartbeat interval must be positive, such as 3s");
		}
		if (heartbeat.compareTo(duration) >= 0) {
			throw new InvalidConfigurationPropertyValueException(HEARTBEAT, heartbeat,
					"The heartbeat interval must be shorter than " + DURATION + " (" + duration
							+ ") or leases expire between renewals; set it to about a third of the duration, such as "
							+ duration.dividedBy(3));
		}
		builder.leaseDuration(duration).leaseHeartbeatInterval(heartbeat);
	}

}
