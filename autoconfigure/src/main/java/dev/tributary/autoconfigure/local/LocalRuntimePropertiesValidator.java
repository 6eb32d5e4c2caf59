package dev.tributary.autoconfigure.local;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * Checks the sizes and durations of {@code tributary.local.*} when they are bound, so a value
 * the runtime cannot use fails at startup naming the property, its value (and where it was set)
 * and what is valid, through Spring Boot's analysis of failed bindings. Fields are named in their
 * dashed form, so the analysis shows the property as it is written and finds its origin.
 *
 * @author Tributary
 */
final class LocalRuntimePropertiesValidator {

	private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

	private LocalRuntimePropertiesValidator() {
	}

	static void validate(LocalRuntimeProperties properties, Errors errors) {
		positive(errors, "poll-interval", properties.getPollInterval(), "250ms");
		positive(errors, "max-idle-poll-interval", properties.getMaxIdlePollInterval(), "1s");
		positive(errors, "shard-discovery-interval", properties.getShardDiscoveryInterval(), "10s");
		Duration shutdownTimeout = properties.getShutdownTimeout();
		if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
			errors.rejectValue("shutdown-timeout", "negative",
					"must be zero (abandon in-flight batches at once) or a positive duration such as 10s");
		}
		if (properties.getMaxShardThreads() < 1) {
			errors.rejectValue("max-shard-threads", "notPositive",
					"must be at least 1: it is how many shards of one processor are read at the same time");
		}
		backoff(errors, "retry-backoff", properties.getRetryBackoff().getInitial(),
				properties.getRetryBackoff().getMax(), "500ms");
		backoff(errors, "throttle-backoff", properties.getThrottleBackoff().getInitial(),
				properties.getThrottleBackoff().getMax(), "250ms");
		backoff(errors, "error-backoff", properties.getErrorBackoff().getInitial(),
				properties.getErrorBackoff().getMax(), "250ms");
		lease(errors, properties.getLease().getDuration(), properties.getLease().getHeartbeatInterval());
		positive(errors, "emulator.startup-timeout", properties.getEmulator().getStartupTimeout(), "60s");
		if (!StringUtils.hasText(properties.getEmulator().getImage())) {
			errors.rejectValue("emulator.image", "empty", "must name a container image, such as motoserver/moto:5.2.1");
		}
		String tableName = properties.getCheckpoints().getTableName();
		if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
			errors.rejectValue("checkpoints.table-name", "invalid",
					"must be a DynamoDB table name: 3 to 255 letters, digits, '_', '-' or '.'");
		}
	}

	private static void lease(Errors errors, Duration duration, Duration heartbeat) {
		boolean durationValid = positive(errors, "lease.duration", duration, "10s");
		if (positive(errors, "lease.heartbeat-interval", heartbeat, "3s") && durationValid
				&& heartbeat.compareTo(duration) >= 0) {
			errors.rejectValue("lease.heartbeat-interval", "notShorterThanLease",
					"must be shorter than tributary.local.lease.duration (" + duration
							+ ") or leases expire between renewals; set it to about a third of the duration, such as "
							+ duration.dividedBy(3));
		}
	}

	private static void backoff(Errors errors, String field, Duration initial, Duration max, String example) {
		boolean initialValid = positive(errors, field + ".initial", initial, example);
		if (positive(errors, field + ".max", max, example) && initialValid && max.compareTo(initial) < 0) {
			errors.rejectValue(field + ".max", "belowInitial",
					"must not be shorter than the initial wait (" + initial + "): the wait doubles up to it");
		}
	}

	private static boolean positive(Errors errors, String field, Duration value, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			errors.rejectValue(field, "notPositive", "must be a positive duration, such as " + example);
			return false;
		}
		return true;
	}

}
