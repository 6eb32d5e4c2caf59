package dev.tributary.local;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * Immutable settings of the local runtime, shared by every processor: polling, backoff,
 * discovery and shutdown. Per-processor settings (batch size, retries, ...) are the
 * processor's {@link dev.tributary.ProcessorOptions}.
 *
 * @author Tributary
 */
public final class LocalRuntimeOptions {

	private final Duration pollInterval;

	private final Duration maxIdlePollInterval;

	private final Duration initialThrottleBackoff;

	private final Duration maxThrottleBackoff;

	private final Duration initialErrorBackoff;

	private final Duration maxErrorBackoff;

	private final Duration initialRetryBackoff;

	private final Duration maxRetryBackoff;

	private final Duration shardDiscoveryInterval;

	private final Duration shutdownTimeout;

	private final int maxShardThreads;

	private final Duration leaseDuration;

	private final Duration leaseHeartbeatInterval;

	private LocalRuntimeOptions(Builder builder) {
		this.pollInterval = builder.pollInterval;
		this.maxIdlePollInterval = builder.maxIdlePollInterval;
		this.initialThrottleBackoff = builder.initialThrottleBackoff;
		this.maxThrottleBackoff = builder.maxThrottleBackoff;
		this.initialErrorBackoff = builder.initialErrorBackoff;
		this.maxErrorBackoff = builder.maxErrorBackoff;
		this.initialRetryBackoff = builder.initialRetryBackoff;
		this.maxRetryBackoff = builder.maxRetryBackoff;
		this.shardDiscoveryInterval = builder.shardDiscoveryInterval;
		this.shutdownTimeout = builder.shutdownTimeout;
		this.maxShardThreads = builder.maxShardThreads;
		this.leaseDuration = builder.leaseDuration;
		this.leaseHeartbeatInterval = builder.leaseHeartbeatInterval;
	}

	/**
	 * Create a builder holding the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Options with every default.
	 * @return the defaults
	 */
	public static LocalRuntimeOptions defaults() {
		return builder().build();
	}

	/**
	 * Time between GetRecords calls while records flow.
	 * @return the poll interval
	 */
	public Duration pollInterval() {
		return this.pollInterval;
	}

	/**
	 * Longest time between GetRecords calls on an idle shard.
	 * @return the maximum idle poll interval
	 */
	public Duration maxIdlePollInterval() {
		return this.maxIdlePollInterval;
	}

	/**
	 * First wait after a throttling error; it doubles on each further one.
	 * @return the initial throttle backoff
	 */
	public Duration initialThrottleBackoff() {
		return this.initialThrottleBackoff;
	}

	/**
	 * Longest wait after throttling errors.
	 * @return the maximum throttle backoff
	 */
	public Duration maxThrottleBackoff() {
		return this.maxThrottleBackoff;
	}

	/**
	 * First wait after a failed AWS call (stream, checkpoint or failure destination) that is not
	 * throttling; it doubles, with jitter, on each further failure in a row.
	 * @return the initial error backoff
	 */
	public Duration initialErrorBackoff() {
		return this.initialErrorBackoff;
	}

	/**
	 * Longest wait between attempts of a failing AWS call; attempts go on at this interval for as
	 * long as the application runs.
	 * @return the maximum error backoff
	 */
	public Duration maxErrorBackoff() {
		return this.maxErrorBackoff;
	}

	/**
	 * First wait before retrying a failed batch; it doubles on each further retry.
	 * @return the initial retry backoff
	 */
	public Duration initialRetryBackoff() {
		return this.initialRetryBackoff;
	}

	/**
	 * Longest wait before retrying a failed batch.
	 * @return the maximum retry backoff
	 */
	public Duration maxRetryBackoff() {
		return this.maxRetryBackoff;
	}

	/**
	 * Time between DescribeStream calls looking for new shards.
	 * @return the shard discovery interval
	 */
	public Duration shardDiscoveryInterval() {
		return this.shardDiscoveryInterval;
	}

	/**
	 * How long shutdown waits for in-flight batches before abandoning them without a checkpoint.
	 * @return the shutdown timeout
	 */
	public Duration shutdownTimeout() {
		return this.shutdownTimeout;
	}

	/**
	 * Maximum number of shards of one processor read at the same time.
	 * @return the maximum number of shard threads
	 */
	public int maxShardThreads() {
		return this.maxShardThreads;
	}

	/**
	 * How long a shard's lease lasts without a heartbeat: after an instance dies, another takes
	 * its shards over once this has passed.
	 * @return the lease duration
	 */
	public Duration leaseDuration() {
		return this.leaseDuration;
	}

	/**
	 * Time between renewals of the leases an instance holds; shorter than the lease duration.
	 * @return the heartbeat interval
	 */
	public Duration leaseHeartbeatInterval() {
		return this.leaseHeartbeatInterval;
	}

	/**
	 * Create a builder initialized with these options.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().pollInterval(this.pollInterval)
			.maxIdlePollInterval(this.maxIdlePollInterval)
			.initialThrottleBackoff(this.initialThrottleBackoff)
			.maxThrottleBackoff(this.maxThrottleBackoff)
			.initialErrorBackoff(this.initialErrorBackoff)
			.maxErrorBackoff(this.maxErrorBackoff)
			.initialRetryBackoff(this.initialRetryBackoff)
			.maxRetryBackoff(this.maxRetryBackoff)
			.shardDiscoveryInterval(this.shardDiscoveryInterval)
			.shutdownTimeout(this.shutdownTimeout)
			.maxShardThreads(this.maxShardThreads)
			.leaseDuration(this.leaseDuration)
			.leaseHeartbeatInterval(this.leaseHeartbeatInterval);
	}

	@Override
	public String toString() {
		return "LocalRuntimeOptions[pollInterval=" + this.pollInterval + ", maxIdlePollInterval="
				+ this.maxIdlePollInterval + ", throttleBackoff=" + this.initialThrottleBackoff + ".."
				+ this.maxThrottleBackoff + ", errorBackoff=" + this.initialErrorBackoff + ".." + this.maxErrorBackoff
				+ ", retryBackoff=" + this.initialRetryBackoff + ".." + this.maxRetryBackoff
				+ ", shardDiscoveryInterval=" + this.shardDiscoveryInterval + ", shutdownTimeout="
				+ this.shutdownTimeout + ", maxShardThreads=" + this.maxShardThreads + ", leaseDuration="
				+ this.leaseDuration + ", leaseHeartbeatInterval=" + this.leaseHeartbeatInterval + "]";
	}

	/**
	 * Builder for {@link LocalRuntimeOptions}.
	 */
	public static final class Builder {

		private Duration pollInterval = Duration.ofMillis(250);

		private Duration maxIdlePollInterval = Duration.ofSeconds(1);

		private Duration initialThrottleBackoff = Duration.ofMillis(250);

		private Duration maxThrottleBackoff = Duration.ofSeconds(10);

		private Duration initialErrorBackoff = Duration.ofMillis(250);

		private Duration maxErrorBackoff = Duration.ofSeconds(30);

		private Duration initialRetryBackoff = Duration.ofMillis(500);

		private Duration maxRetryBackoff = Duration.ofSeconds(30);

		private Duration shardDiscoveryInterval = Duration.ofSeconds(10);

		private Duration shutdownTimeout = Duration.ofSeconds(10);

		private int maxShardThreads = 16;

		private Duration leaseDuration = Duration.ofSeconds(10);

		private Duration leaseHeartbeatInterval = Duration.ofSeconds(3);

		private Builder() {
		}

		public Builder pollInterval(Duration pollInterval) {
			this.pollInterval = positive(pollInterval, "pollInterval");
			return this;
		}

		public Builder maxIdlePollInterval(Duration maxIdlePollInterval) {
			this.maxIdlePollInterval = positive(maxIdlePollInterval, "maxIdlePollInterval");
			return this;
		}

		public Builder initialThrottleBackoff(Duration initialThrottleBackoff) {
			this.initialThrottleBackoff = positive(initialThrottleBackoff, "initialThrottleBackoff");
			return this;
		}

		public Builder maxThrottleBackoff(Duration maxThrottleBackoff) {
			this.maxThrottleBackoff = positive(maxThrottleBackoff, "maxThrottleBackoff");
			return this;
		}

		public Builder initialErrorBackoff(Duration initialErrorBackoff) {
			this.initialErrorBackoff = positive(initialErrorBackoff, "initialErrorBackoff");
			return this;
		}

		public Builder maxErrorBackoff(Duration maxErrorBackoff) {
			this.maxErrorBackoff = positive(maxErrorBackoff, "maxErrorBackoff");
			return this;
		}

		public Builder initialRetryBackoff(Duration initialRetryBackoff) {
			this.initialRetryBackoff = positive(initialRetryBackoff, "initialRetryBackoff");
			return this;
		}

		public Builder maxRetryBackoff(Duration maxRetryBackoff) {
			this.maxRetryBackoff = positive(maxRetryBackoff, "maxRetryBackoff");
			return this;
		}

		public Builder shardDiscoveryInterval(Duration shardDiscoveryInterval) {
			this.shardDiscoveryInterval = positive(shardDiscoveryInterval, "shardDiscoveryInterval");
			return this;
		}

		public Builder shutdownTimeout(Duration shutdownTimeout) {
			Assert.notNull(shutdownTimeout, "'shutdownTimeout' must not be null");
			Assert.isTrue(!shutdownTimeout.isNegative(), "'shutdownTimeout' must not be negative");
			this.shutdownTimeout = shutdownTimeout;
			return this;
		}

		public Builder maxShardThreads(int maxShardThreads) {
			Assert.isTrue(maxShardThreads > 0, "'maxShardThreads' must be positive");
			this.maxShardThreads = maxShardThreads;
			return this;
		}

		public Builder leaseDuration(Duration leaseDuration) {
			this.leaseDuration = positive(leaseDuration, "leaseDuration");
			return this;
		}

		public Builder leaseHeartbeatInterval(Duration leaseHeartbeatInterval) {
			this.leaseHeartbeatInterval = positive(leaseHeartbeatInterval, "leaseHeartbeatInterval");
			return this;
		}

		public LocalRuntimeOptions build() {
			Assert.isTrue(this.leaseHeartbeatInterval.compareTo(this.leaseDuration) < 0,
					() -> "'leaseHeartbeatInterval' (" + this.leaseHeartbeatInterval
							+ ") must be shorter than 'leaseDuration' (" + this.leaseDuration + ")");
			return new LocalRuntimeOptions(this);
		}

		private static Duration positive(Duration duration, String name) {
			Assert.notNull(duration, "'" + name + "' must not be null");
			Assert.isTrue(!duration.isNegative() && !duration.isZero(), "'" + name + "' must be positive");
			return duration;
		}

	}

}
