package dev.tributary.kcl.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the KCL runtime ({@code tributary.runtime=kcl}).
 *
 * @author Tributary
 */
@ConfigurationProperties(prefix = KclProperties.PREFIX)
public class KclProperties {

	/** Prefix of the KCL runtime's properties. */
	public static final String PREFIX = "tributary.kcl";

	/**
	 * Application name, the first part of each processor's KCL application and lease table name
	 * ('<app>-<stage>-<processor>'). Defaults to 'spring.application.name'; use the same value as
	 * 'tributary.deploy.app-name' so that deploy creates the tables the hosts use.
	 */
	private @Nullable String appName;

	/**
	 * Stage, the second part of each KCL application name: two stages never share leases.
	 */
	private String stage = "dev";

	/**
	 * Worker id of this process. Defaults to the host name, the process id and a random suffix;
	 * it must differ between processes, or they take each other's leases.
	 */
	private @Nullable String workerId;

	/**
	 * How long a lease lives without renewal before another worker may take it: how soon the
	 * shards of a killed host are read again. Each worker renews its leases every third of it.
	 */
	private Duration failoverTime = Duration.ofSeconds(10);

	/**
	 * How long a shard's reader waits after a read, when idle: the latency floor between a write
	 * and its processing, and the GetRecords calls per shard and second. KCL reads a Kinesis
	 * stream at most every 200 ms (five reads a second per shard is Kinesis's limit).
	 */
	private Duration idleTimeBetweenReads = Duration.ofMillis(200);

	/**
	 * How long stopping waits for in-flight batches before abandoning them without a checkpoint.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(20);

	/**
	 * KCL's own metrics, sent to CloudWatch on the configured endpoint: 'none', 'summary' or
	 * 'detailed'. Tributary's meters (tributary.*) are there with any level.
	 */
	private MetricsLevel metricsLevel = MetricsLevel.NONE;

	public @Nullable String getAppName() {
		return this.appName;
	}

	public void setAppName(@Nullable String appName) {
		this.appName = appName;
	}

	public String getStage() {
		return this.stage;
	}

	public void setStage(String stage) {
		this.stage = stage;
	}

	public @Nullable String getWorkerId() {
		return this.workerId;
	}

	public void setWorkerId(@Nullable String workerId) {
		this.workerId = workerId;
	}

	public Duration getFailoverTime() {
		return this.failoverTime;
	}

	public void setFailoverTime(Duration failoverTime) {
		this.failoverTime = failoverTime;
	}

	public Duration getIdleTimeBetweenReads() {
		return this.idleTimeBetweenReads;
	}

	public void setIdleTimeBetweenReads(Duration idleTimeBetweenReads) {
		this.idleTimeBetweenReads = idleTimeBetweenReads;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public MetricsLevel getMetricsLevel() {
		return this.metricsLevel;
	}

	public void setMetricsLevel(MetricsLevel metricsLevel) {
		this.metricsLevel = metricsLevel;
	}

	/**
	 * KCL's own metrics.
	 */
	public enum MetricsLevel {

		/** None. */
		NONE,

		/** KCL's summary metrics. */
		SUMMARY,

		/** Every metric KCL has. */
		DETAILED

	}

}
