package dev.tributary.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.tributary.HttpApiDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Resolved settings of one deploy run: which application and stage, which artifact, and how the
 * functions are configured. Immutable; build it with {@link #builder(String)}. Range checks
 * belong to the binding layer, which can name the offending property.
 *
 * @author Tributary
 */
public final class DeployOptions {

	/** Handler of Spring Cloud Function's AWS adapter. */
	public static final String DEFAULT_HANDLER = dev.tributary.lambda.LambdaHandlers.HANDLER;

	/** Largest zip Lambda accepts in a direct upload (50 MB). */
	public static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

	private final String appName;

	private final String stage;

	private final @Nullable Path artifact;

	private final @Nullable Path apiArtifact;

	private final String runtime;

	private final String handler;

	private final @Nullable String mainClass;

	private final int memoryMb;

	private final Duration timeout;

	private final Architecture architecture;

	private final boolean snapStart;

	private final int logRetentionDays;

	private final boolean destroyTables;

	private final boolean destroyStreams;

	private final boolean destroyQueues;

	private final long directUploadLimit;

	private final Map<String, String> environment;

	private final boolean breakLock;

	private final Duration lockStaleAfter;

	private final @Nullable HttpApiDefinition api;

	private final boolean kcl;

	private DeployOptions(Builder builder) {
		this.appName = builder.appName;
		this.stage = builder.stage;
		this.artifact = builder.artifact;
		this.apiArtifact = builder.apiArtifact;
		this.runtime = builder.runtime;
		this.handler = builder.handler;
		this.mainClass = builder.mainClass;
		this.memoryMb = builder.memoryMb;
		this.timeout = builder.timeout;
		this.architecture = builder.architecture;
		this.snapStart = builder.snapStart;
		this.logRetentionDays = builder.logRetentionDays;
		this.destroyTables = builder.destroyTables;
		this.destroyStreams = builder.destroyStreams;
		this.destroyQueues = builder.destroyQueues;
		this.directUploadLimit = builder.directUploadLimit;
		this.environment = Map.copyOf(builder.environment);
		this.breakLock = builder.breakLock;
		this.lockStaleAfter = builder.lockStaleAfter;
		this.api = builder.api;
		this.kcl = builder.kcl;
	}

	/**
	 * Create a builder with the defaults (stage {@code dev}, java21, 1024 MB, 30 s, x86_64, 14
	 * days of logs).
	 * @param appName the application name, the first part of every resource name
	 * @return a new builder
	 */
	public static Builder builder(String appName) {
		return new Builder(appName);
	}

	public String appName() {
		return this.appName;
	}

	public String stage() {
		return this.stage;
	}

	/**
	 * The Lambda zip to deploy.
	 * @return the artifact, empty when the command needs none (plan of destroy, logs)
	 */
	public Optional<Path> artifact() {
		return Optional.ofNullable(this.artifact);
	}

	/**
	 * The API function's Lambda zip, when the application packages one of its own (Spring MVC
	 * in it, which the processors' zip leaves out).
	 * @return the API's artifact, empty when the API function deploys {@link #artifact()}
	 */
	public Optional<Path> apiArtifact() {
		return Optional.ofNullable(this.apiArtifact);
	}

	public String runtime() {
		return this.runtime;
	}

	public String handler() {
		return this.handler;
	}

	/**
	 * The application's main class, passed to the function as {@code MAIN_CLASS}.
	 * @return the main class, empty when unknown
	 */
	public Optional<String> mainClass() {
		return Optional.ofNullable(this.mainClass);
	}

	public int memoryMb() {
		return this.memoryMb;
	}

	public Duration timeout() {
		return this.timeout;
	}

	public Architecture architecture() {
		return this.architecture;
	}

	public boolean snapStart() {
		return this.snapStart;
	}

	public int logRetentionDays() {
		return this.logRetentionDays;
	}

	public boolean destroyTables() {
		return this.destroyTables;
	}

	/**
	 * Whether destroy deletes the Kinesis streams deploy created for this app and stage, with
	 * their records.
	 * @return whether to delete them
	 */
	public boolean destroyStreams() {
		return this.destroyStreams;
	}

	/**
	 * Whether destroy also deletes the SQS queues (and dead-letter queues) of SQS processors
	 * that deploy created for this app and stage, with the messages in them.
	 * @return whether to delete them
	 */
	public boolean destroyQueues() {
		return this.destroyQueues;
	}

	/**
	 * Largest artifact uploaded directly; larger ones go through deploy's bucket.
	 * @return the limit in bytes
	 */
	public long directUploadLimit() {
		return this.directUploadLimit;
	}

	/**
	 * Extra environment variables of every function.
	 * @return the variables
	 */
	public Map<String, String> environment() {
		return this.environment;
	}

	/**
	 * Whether to break another run's deploy lock when it is older than
	 * {@link #lockStaleAfter()}.
	 * @return whether to break a stale lock
	 */
	public boolean breakLock() {
		return this.breakLock;
	}

	/**
	 * How old a deploy lock must be before {@link #breakLock()} may break it.
	 * @return the age
	 */
	public Duration lockStaleAfter() {
		return this.lockStaleAfter;
	}

	/**
	 * Whether the application runs its DynamoDB Streams and Kinesis processors on the KCL
	 * runtime ({@code tributary.runtime=kcl}, docs/kcl.md): they get lease tables and a policy
	 * document for the hosts instead of functions.
	 * @return whether the KCL runtime reads the shard processors
	 */
	public boolean kcl() {
		return this.kcl;
	}

	/**
	 * The application's HTTP API, when deploy provisions it (docs/http-api.md).
	 * @return the API's declaration, empty when the application has none or turned it off
	 */
	public Optional<HttpApiDefinition> api() {
		return Optional.ofNullable(this.api);
	}

	/**
	 * Create a builder initialized with these options.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder(this.appName).stage(this.stage)
			.artifact(this.artifact)
			.apiArtifact(this.apiArtifact)
			.runtime(this.runtime)
			.handler(this.handler)
			.mainClass(this.mainClass)
			.memoryMb(this.memoryMb)
			.timeout(this.timeout)
			.architecture(this.architecture)
			.snapStart(this.snapStart)
			.logRetentionDays(this.logRetentionDays)
			.destroyTables(this.destroyTables)
			.destroyStreams(this.destroyStreams)
			.destroyQueues(this.destroyQueues)
			.directUploadLimit(this.directUploadLimit)
			.environment(this.environment)
			.breakLock(this.breakLock)
			.lockStaleAfter(this.lockStaleAfter)
			.api(this.api)
			.kcl(this.kcl);
	}

	@Override
	public String toString() {
		return "DeployOptions[app=" + this.appName + ", stage=" + this.stage + ", artifact=" + this.artifact
				+ ", apiArtifact=" + this.apiArtifact + ", runtime=" + this.runtime + ", memory=" + this.memoryMb
				+ "MB, timeout=" + this.timeout + ", architecture=" + this.architecture + ", snapStart=" + this.snapStart + "]";
	}

	/**
	 * Builder for {@link DeployOptions}.
	 */
	public static final class Builder {

		private final String appName;

		private String stage = "dev";

		private @Nullable Path artifact;

		private @Nullable Path apiArtifact;

		private String runtime = "java21";

		private String handler = DEFAULT_HANDLER;

		private @Nullable String mainClass;

		private int memoryMb = 1024;

		private Duration timeout = Duration.ofSeconds(30);

		private Architecture architecture = Architecture.X86_64;

		private boolean snapStart;

		private int logRetentionDays = 14;

		private boolean destroyTables;

		private boolean destroyStreams;

		private boolean destroyQueues;

		private long directUploadLimit = DIRECT_UPLOAD_LIMIT;

		private Map<String, String> environment = new LinkedHashMap<>();

		private boolean breakLock;

		private Duration lockStaleAfter = Duration.ofMinutes(15);

		private @Nullable HttpApiDefinition api;

		private boolean kcl;

		private Builder(String appName) {
			Assert.hasText(appName, "'appName' must not be empty");
			this.appName = appName;
		}

		public Builder stage(String stage) {
			Assert.hasText(stage, "'stage' must not be empty");
			this.stage = stage;
			return this;
		}

		public Builder artifact(@Nullable Path artifact) {
			this.artifact = artifact;
			return this;
		}

		public Builder apiArtifact(@Nullable Path apiArtifact) {
			this.apiArtifact = apiArtifact;
			return this;
		}

		public Builder runtime(String runtime) {
			Assert.hasText(runtime, "'runtime' must not be empty");
			this.runtime = runtime;
			return this;
		}

		public Builder handler(String handler) {
			Assert.hasText(handler, "'handler' must not be empty");
			this.handler = handler;
			return this;
		}

		public Builder mainClass(@Nullable String mainClass) {
			this.mainClass = mainClass;
			return this;
		}

		public Builder memoryMb(int memoryMb) {
			this.memoryMb = memoryMb;
			return this;
		}

		public Builder timeout(Duration timeout) {
			Assert.notNull(timeout, "'timeout' must not be null");
			this.timeout = timeout;
			return this;
		}

		public Builder architecture(Architecture architecture) {
			Assert.notNull(architecture, "'architecture' must not be null");
			this.architecture = architecture;
			return this;
		}

		public Builder snapStart(boolean snapStart) {
			this.snapStart = snapStart;
			return this;
		}

		public Builder logRetentionDays(int logRetentionDays) {
			this.logRetentionDays = logRetentionDays;
			return this;
		}

		public Builder destroyTables(boolean destroyTables) {
			this.destroyTables = destroyTables;
			return this;
		}

		public Builder destroyStreams(boolean destroyStreams) {
			this.destroyStreams = destroyStreams;
			return this;
		}

		public Builder destroyQueues(boolean destroyQueues) {
			this.destroyQueues = destroyQueues;
			return this;
		}

		public Builder directUploadLimit(long directUploadLimit) {
			this.directUploadLimit = directUploadLimit;
			return this;
		}

		public Builder environment(Map<String, String> environment) {
			Assert.notNull(environment, "'environment' must not be null");
			this.environment = new LinkedHashMap<>(environment);
			return this;
		}

		public Builder breakLock(boolean breakLock) {
			this.breakLock = breakLock;
			return this;
		}

		public Builder lockStaleAfter(Duration lockStaleAfter) {
			Assert.notNull(lockStaleAfter, "'lockStaleAfter' must not be null");
			this.lockStaleAfter = lockStaleAfter;
			return this;
		}

		public Builder api(@Nullable HttpApiDefinition api) {
			this.api = api;
			return this;
		}

		public Builder kcl(boolean kcl) {
			this.kcl = kcl;
			return this;
		}

		public DeployOptions build() {
			return new DeployOptions(this);
		}

	}

}
