package dev.tributary.deploy.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tributary.deploy.Architecture;
import dev.tributary.deploy.DeployCommand;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of deploy mode. Setting {@code command} starts the application as a
 * deploy tool instead of a stream processor.
 *
 * @author Tributary
 */
@ConfigurationProperties(DeployProperties.PREFIX)
public class DeployProperties {

	/** Prefix of deploy's properties. */
	public static final String PREFIX = "tributary.deploy";

	/**
	 * Command to run: deploy, plan, destroy or logs. Unset, the application runs normally.
	 */
	private @Nullable DeployCommand command;

	/**
	 * Stage the resources belong to, part of every resource name.
	 */
	private String stage = "dev";

	/**
	 * Application name, the first part of every resource name. Defaults to
	 * 'spring.application.name'.
	 */
	private @Nullable String appName;

	/**
	 * Lambda zip every processor's function deploys. Defaults to the only '*-lambda.zip' in
	 * 'target' (an '*-api-lambda.zip' beside it aside).
	 */
	private @Nullable Path artifact;

	/**
	 * Lambda zip the HTTP API function deploys. Defaults to the '*-api-lambda.zip' named like
	 * 'artifact' next to it, else 'artifact' itself.
	 */
	private @Nullable Path apiArtifact;

	/**
	 * Largest artifact uploaded directly to Lambda; larger ones go through an S3 bucket deploy
	 * creates.
	 */
	private DataSize directUploadLimit = DataSize.ofMegabytes(50);

	/**
	 * Whether destroy also deletes the tables deploy created, with all their items.
	 */
	private boolean destroyTables;

	/**
	 * Whether destroy also deletes the Kinesis streams deploy created, with all their records.
	 */
	private boolean destroyStreams;

	/**
	 * Whether destroy also deletes the SQS queues (and their dead-letter queues) of SQS
	 * processors that deploy created, with all their messages.
	 */
	private boolean destroyQueues;

	/**
	 * Whether the process exits once the command is done.
	 */
	private boolean exit = true;

	/**
	 * Whether to break another run's deploy lock of this app and stage, once it is older than
	 * 'lock-stale-after' (a deploy that died holding it).
	 */
	private boolean breakLock;

	/**
	 * How old another run's deploy lock must be before 'break-lock' may break it.
	 */
	private Duration lockStaleAfter = Duration.ofMinutes(15);

	private final Function function = new Function();

	private final Logs logs = new Logs();

	public @Nullable DeployCommand getCommand() {
		return this.command;
	}

	public void setCommand(@Nullable DeployCommand command) {
		this.command = command;
	}

	public String getStage() {
		return this.stage;
	}

	public void setStage(String stage) {
		this.stage = stage;
	}

	public @Nullable String getAppName() {
		return this.appName;
	}

	public void setAppName(@Nullable String appName) {
		this.appName = appName;
	}

	public @Nullable Path getArtifact() {
		return this.artifact;
	}

	public void setArtifact(@Nullable Path artifact) {
		this.artifact = artifact;
	}

	public @Nullable Path getApiArtifact() {
		return this.apiArtifact;
	}

	public void setApiArtifact(@Nullable Path apiArtifact) {
		this.apiArtifact = apiArtifact;
	}

	public DataSize getDirectUploadLimit() {
		return this.directUploadLimit;
	}

	public void setDirectUploadLimit(DataSize directUploadLimit) {
		this.directUploadLimit = directUploadLimit;
	}

	public boolean isDestroyTables() {
		return this.destroyTables;
	}

	public void setDestroyTables(boolean destroyTables) {
		this.destroyTables = destroyTables;
	}

	public boolean isDestroyStreams() {
		return this.destroyStreams;
	}

	public void setDestroyStreams(boolean destroyStreams) {
		this.destroyStreams = destroyStreams;
	}

	public boolean isDestroyQueues() {
		return this.destroyQueues;
	}

	public void setDestroyQueues(boolean destroyQueues) {
		this.destroyQueues = destroyQueues;
	}

	public boolean isExit() {
		return this.exit;
	}

	public void setExit(boolean exit) {
		this.exit = exit;
	}

	public boolean isBreakLock() {
		return this.breakLock;
	}

	public void setBreakLock(boolean breakLock) {
		this.breakLock = breakLock;
	}

	public Duration getLockStaleAfter() {
		return this.lockStaleAfter;
	}

	public void setLockStaleAfter(Duration lockStaleAfter) {
		this.lockStaleAfter = lockStaleAfter;
	}

	public Function getFunction() {
		return this.function;
	}

	public Logs getLogs() {
		return this.logs;
	}

	/**
	 * Settings of every processor's Lambda function.
	 */
	public static class Function {

		/**
		 * Lambda runtime: java17, java21 or java25.
		 */
		private String runtime = "java21";

		/**
		 * Memory of each function, between 128 MB and 10240 MB. CPU grows with it.
		 */
		private DataSize memory = DataSize.ofMegabytes(1024);

		/**
		 * Timeout of one invocation, between 1 second and 15 minutes.
		 */
		private Duration timeout = Duration.ofSeconds(30);

		/**
		 * Instruction set architecture: x86-64 or arm64.
		 */
		private Architecture architecture = Architecture.X86_64;

		/**
		 * Whether to enable SnapStart on published versions.
		 */
		private boolean snapStart;

		/**
		 * Application main class passed to the function as MAIN_CLASS. Defaults to the class
		 * annotated with '@SpringBootApplication'.
		 */
		private @Nullable String mainClass;

		/**
		 * Extra environment variables of every function.
		 */
		private Map<String, String> environment = new LinkedHashMap<>();

		public String getRuntime() {
			return this.runtime;
		}

		public void setRuntime(String runtime) {
			this.runtime = runtime;
		}

		public DataSize getMemory() {
			return this.memory;
		}

		public void setMemory(DataSize memory) {
			this.memory = memory;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Architecture getArchitecture() {
			return this.architecture;
		}

		public void setArchitecture(Architecture architecture) {
			this.architecture = architecture;
		}

		public boolean isSnapStart() {
			return this.snapStart;
		}

		public void setSnapStart(boolean snapStart) {
			this.snapStart = snapStart;
		}

		public @Nullable String getMainClass() {
			return this.mainClass;
		}

		public void setMainClass(@Nullable String mainClass) {
			this.mainClass = mainClass;
		}

		public Map<String, String> getEnvironment() {
			return this.environment;
		}

		public void setEnvironment(Map<String, String> environment) {
			this.environment = environment;
		}

	}

	/**
	 * Settings of the functions' logs and of the logs command.
	 */
	public static class Logs {

		/**
		 * Days CloudWatch keeps each function's logs; one of the values CloudWatch accepts (1,
		 * 3, 5, 7, 14, 30, 60, 90, ...).
		 */
		private int retentionDays = 14;

		/**
		 * Processor whose logs the logs command prints. Defaults to every processor.
		 */
		private @Nullable String processor;

		/**
		 * How far back the logs command starts.
		 */
		private Duration since = Duration.ofMinutes(10);

		/**
		 * Whether the logs command keeps polling for new events until interrupted.
		 */
		private boolean follow;

		/**
		 * How long the logs command follows before it exits. Defaults to until interrupted.
		 */
		private @Nullable Duration followFor;

		public int getRetentionDays() {
			return this.retentionDays;
		}

		public void setRetentionDays(int retentionDays) {
			this.retentionDays = retentionDays;
		}

		public @Nullable String getProcessor() {
			return this.processor;
		}

		public void setProcessor(@Nullable String processor) {
			this.processor = processor;
		}

		public Duration getSince() {
			return this.since;
		}

		public void setSince(Duration since) {
			this.since = since;
		}

		public boolean isFollow() {
			return this.follow;
		}

		public void setFollow(boolean follow) {
			this.follow = follow;
		}

		public @Nullable Duration getFollowFor() {
			return this.followFor;
		}

		public void setFollowFor(@Nullable Duration followFor) {
			this.followFor = followFor;
		}

	}

}
