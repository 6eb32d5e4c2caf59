package dev.tributary.kcl;

import java.time.Duration;

import software.amazon.kinesis.metrics.MetricsLevel;

import org.springframework.util.Assert;

/**
 * Settings of the KCL runtime, the same for every processor of the application.
 *
 * @param app the application's name, the first part of each KCL application name
 * @param stage the stage, the second part
 * @param workerId this process's worker id, unique among the hosts
 * @param failoverTime how long a lease lives without renewal before another worker may take it
 * @param idleTimeBetweenReads how long a shard's reader waits after a read that found nothing
 * @param shutdownTimeout how long a graceful shutdown waits for in-flight batches
 * @param metricsLevel KCL's own metrics (to CloudWatch), {@code NONE} for none
 * @author Tributary
 */
public record KclOptions(String app, String stage, String workerId, Duration failoverTime,
		Duration idleTimeBetweenReads, Duration shutdownTimeout, MetricsLevel metricsLevel) {

	public KclOptions {
		Assert.hasText(app, "'app' must not be empty");
		Assert.hasText(stage, "'stage' must not be empty");
		Assert.hasText(workerId, "'workerId' must not be empty");
		Assert.isTrue(failoverTime.toMillis() > 0, "'failoverTime' must be positive");
		Assert.isTrue(!idleTimeBetweenReads.isNegative(), "'idleTimeBetweenReads' must not be negative");
		Assert.isTrue(!shutdownTimeout.isNegative(), "'shutdownTimeout' must not be negative");
		Assert.notNull(metricsLevel, "'metricsLevel' must not be null");
	}

	/**
	 * Start building options.
	 * @param app the application's name
	 * @return a builder with the defaults
	 */
	public static Builder builder(String app) {
		return new Builder(app);
	}

	/**
	 * Builds {@link KclOptions}.
	 */
	public static final class Builder {

		private final String app;

		private String stage = "dev";

		private String workerId = WorkerIds.next();

		private Duration failoverTime = Duration.ofSeconds(10);

		private Duration idleTimeBetweenReads = Duration.ofMillis(200);

		private Duration shutdownTimeout = Duration.ofSeconds(20);

		private MetricsLevel metricsLevel = MetricsLevel.NONE;

		private Builder(String app) {
			this.app = app;
		}

		/**
		 * The stage.
		 * @param stage the stage
		 * @return this builder
		 */
		public Builder stage(String stage) {
			this.stage = stage;
			return this;
		}

		/**
		 * This process's worker id.
		 * @param workerId the id
		 * @return this builder
		 */
		public Builder workerId(String workerId) {
			this.workerId = workerId;
			return this;
		}

		/**
		 * How long a lease lives without renewal.
		 * @param failoverTime the time
		 * @return this builder
		 */
		public Builder failoverTime(Duration failoverTime) {
			this.failoverTime = failoverTime;
			return this;
		}

		/**
		 * How long an idle shard's reader waits between reads.
		 * @param idleTimeBetweenReads the time
		 * @return this builder
		 */
		public Builder idleTimeBetweenReads(Duration idleTimeBetweenReads) {
			this.idleTimeBetweenReads = idleTimeBetweenReads;
			return this;
		}

		/**
		 * How long a graceful shutdown waits.
		 * @param shutdownTimeout the time
		 * @return this builder
		 */
		public Builder shutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
			return this;
		}

		/**
		 * KCL's own metrics.
		 * @param metricsLevel the level
		 * @return this builder
		 */
		public Builder metricsLevel(MetricsLevel metricsLevel) {
			this.metricsLevel = metricsLevel;
			return this;
		}

		/**
		 * Build the options.
		 * @return the options
		 */
		public KclOptions build() {
			return new KclOptions(this.app, this.stage, this.workerId, this.failoverTime, this.idleTimeBetweenReads,
					this.shutdownTimeout, this.metricsLevel);
		}

	}

}
