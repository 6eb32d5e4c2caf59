package dev.tributary.autoconfigure.local;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of the local runtime, which runs processors outside AWS Lambda.
 * Validates itself when bound, so a size or duration the runtime cannot use fails at startup
 * naming the property.
 *
 * @author Tributary
 */
@ConfigurationProperties(prefix = LocalRuntimeProperties.PREFIX)
public class LocalRuntimeProperties implements Validator {

	/** Prefix of the local runtime's properties. */
	public static final String PREFIX = "tributary.local";

	/**
	 * Whether to run processors outside Lambda. When disabled, no embedded emulator is started
	 * either, and clients talk to the configured endpoint or to AWS itself.
	 */
	private boolean enabled = true;

	/**
	 * Time between GetRecords calls while records flow.
	 */
	private Duration pollInterval = Duration.ofMillis(250);

	/**
	 * Longest time between GetRecords calls on an idle shard.
	 */
	private Duration maxIdlePollInterval = Duration.ofSeconds(1);

	/**
	 * Time between DescribeStream calls looking for new shards.
	 */
	private Duration shardDiscoveryInterval = Duration.ofSeconds(10);

	/**
	 * How long shutdown waits for in-flight batches before abandoning them without a checkpoint.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	/**
	 * Maximum number of shards of one processor read at the same time.
	 */
	private int maxShardThreads = 16;

	private final RetryBackoff retryBackoff = new RetryBackoff();

	private final ThrottleBackoff throttleBackoff = new ThrottleBackoff();

	private final ErrorBackoff errorBackoff = new ErrorBackoff();

	private final Emulator emulator = new Emulator();

	private final Checkpoints checkpoints = new Checkpoints();

	private final Lease lease = new Lease();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getMaxIdlePollInterval() {
		return this.maxIdlePollInterval;
	}

	public void setMaxIdlePollInterval(Duration maxIdlePollInterval) {
		this.maxIdlePollInterval = maxIdlePollInterval;
	}

	public Duration getShardDiscoveryInterval() {
		return this.shardDiscoveryInterval;
	}

	public void setShardDiscoveryInterval(Duration shardDiscoveryInterval) {
		this.shardDiscoveryInterval = shardDiscoveryInterval;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public int getMaxShardThreads() {
		return this.maxShardThreads;
	}

	public void setMaxShardThreads(int maxShardThreads) {
		this.maxShardThreads = maxShardThreads;
	}

	public RetryBackoff getRetryBackoff() {
		return this.retryBackoff;
	}

	public ThrottleBackoff getThrottleBackoff() {
		return this.throttleBackoff;
	}

	public ErrorBackoff getErrorBackoff() {
		return this.errorBackoff;
	}

	public Emulator getEmulator() {
		return this.emulator;
	}

	public Checkpoints getCheckpoints() {
		return this.checkpoints;
	}

	public Lease getLease() {
		return this.lease;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LocalRuntimeProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LocalRuntimePropertiesValidator.validate((LocalRuntimeProperties) target, errors);
	}

	/**
	 * Waits before retrying a failed batch (separate classes so that each default is in the
	 * configuration metadata).
	 */
	public static class RetryBackoff {

		/**
		 * First wait before retrying a failed batch; it doubles on each retry.
		 */
		private Duration initial = Duration.ofMillis(500);

		/**
		 * Longest wait before retrying a failed batch.
		 */
		private Duration max = Duration.ofSeconds(30);

		public Duration getInitial() {
			return this.initial;
		}

		public void setInitial(Duration initial) {
			this.initial = initial;
		}

		public Duration getMax() {
			return this.max;
		}

		public void setMax(Duration max) {
			this.max = max;
		}

	}

	/**
	 * Waits after the Streams API throttled a call.
	 */
	public static class ThrottleBackoff {

		/**
		 * First wait after a throttling error; it doubles on each further one.
		 */
		private Duration initial = Duration.ofMillis(250);

		/**
		 * Longest wait after throttling errors.
		 */
		private Duration max = Duration.ofSeconds(10);

		public Duration getInitial() {
			return this.initial;
		}

		public void setInitial(Duration initial) {
			this.initial = initial;
		}

		public Duration getMax() {
			return this.max;
		}

		public void setMax(Duration max) {
			this.max = max;
		}

	}

	/**
	 * Waits after a failed AWS call (stream, checkpoint or failure destination) that is not
	 * throttling: the call is tried again for as long as the application runs.
	 */
	public static class ErrorBackoff {

		/**
		 * First wait after a failed AWS call; it doubles, with jitter, on each further failure in a
		 * row.
		 */
		private Duration initial = Duration.ofMillis(250);

		/**
		 * Longest wait between attempts of a failing AWS call.
		 */
		private Duration max = Duration.ofSeconds(30);

		public Duration getInitial() {
			return this.initial;
		}

		public void setInitial(Duration initial) {
			this.initial = initial;
		}

		public Duration getMax() {
			return this.max;
		}

		public void setMax(Duration max) {
			this.max = max;
		}

	}

	/**
	 * Embedded AWS emulator settings.
	 */
	public static class Emulator {

		/**
		 * Whether to start an embedded AWS emulator when no endpoint is configured. Turn it off
		 * to run processors as a long-running service against AWS itself.
		 */
		private boolean enabled = true;

		/**
		 * How long to wait for the emulator to answer after starting it.
		 */
		private Duration startupTimeout = Duration.ofSeconds(60);

		/**
		 * Container image to run when moto_server is not on the PATH and Docker is available.
		 */
		private String image = "motoserver/moto:5.2.1";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getStartupTimeout() {
			return this.startupTimeout;
		}

		public void setStartupTimeout(Duration startupTimeout) {
			this.startupTimeout = startupTimeout;
		}

		public String getImage() {
			return this.image;
		}

		public void setImage(String image) {
			this.image = image;
		}

	}

	/**
	 * Checkpoint settings.
	 */
	public static class Checkpoints {

		/**
		 * Where checkpoints are stored: "dynamodb", so they survive restarts, or "memory", for tests.
		 */
		private Store store = Store.DYNAMODB;

		/**
		 * Name of the DynamoDB table holding checkpoints, created on first use.
		 */
		private String tableName = "tributary-checkpoints";

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public String getTableName() {
			return this.tableName;
		}

		public void setTableName(String tableName) {
			this.tableName = tableName;
		}

	}

	/**
	 * Shard leases, which make a second instance of the application a standby instead of a
	 * second reader of the same records.
	 */
	public static class Lease {

		/**
		 * How long a shard's lease lasts without a heartbeat. After an instance dies, another one
		 * takes its shards over once this has passed (at once when it stopped gracefully).
		 */
		private Duration duration = Duration.ofSeconds(10);

		/**
		 * Time between renewals of the leases an instance holds. Must be shorter than the lease
		 * duration; about a third of it leaves room for two missed renewals.
		 */
		private Duration heartbeatInterval = Duration.ofSeconds(3);

		public Duration getDuration() {
			return this.duration;
		}

		public void setDuration(Duration duration) {
			this.duration = duration;
		}

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

	}

	/**
	 * Where checkpoints are stored.
	 */
	public enum Store {

		/** In a DynamoDB table, so positions survive restarts. */
		DYNAMODB,

		/** In memory: every start is a first start. For tests. */
		MEMORY

	}

}
