package dev.tributary.deploy.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.tributary.deploy.DeployOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Maps {@link DeployProperties} into {@link DeployOptions}, rejecting values AWS would reject
 * with a message naming the property, the value and what is valid.
 *
 * @author Tributary
 */
final class DeployOptionsFactory {

	static final Set<String> RUNTIMES = Set.of("java17", "java21", "java25");

	static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
			731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

	private static final String STAGE_PATTERN = "[a-zA-Z0-9-]{1,20}";

	private DeployOptionsFactory() {
	}

	static DeployOptions create(DeployProperties properties, @Nullable String applicationName,
			@Nullable String detectedMainClass, Path workingDirectory) {
		String prefix = DeployProperties.PREFIX + ".";
		String appName = StringUtils.hasText(properties.getAppName()) ? properties.getAppName() : applicationName;
		if (!StringUtils.hasText(appName)) {
			throw new InvalidDeployPropertyException(prefix + "app-name", "",
					"a name for the application's resources (or set spring.application.name)");
		}
		if (!properties.getStage().matches(STAGE_PATTERN)) {
			throw new InvalidDeployPropertyException(prefix + "stage", properties.getStage(),
					"1 to 20 letters, digits or dashes");
		}
		DeployProperties.Function function = properties.getFunction();
		if (!RUNTIMES.contains(function.getRuntime())) {
			throw new InvalidDeployPropertyException(prefix + "function.runtime", function.getRuntime(),
					"one of " + RUNTIMES.stream().sorted().toList());
		}
		long memory = function.getMemory().toMegabytes();
		if (memory < 128 || memory > 10240) {
			throw new InvalidDeployPropertyException(prefix + "function.memory", memory + "MB",
					"between 128MB and 10240MB");
		}
		Duration timeout = function.getTimeout();
		if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
			throw new InvalidDeployPropertyException(prefix + "function.timeout", timeout,
					"between 1s and 15m, whole seconds");
		}
		int retention = properties.getLogs().getRetentionDays();
		if (!RETENTION_DAYS.contains(retention)) {
			throw new InvalidDeployPropertyException(prefix + "logs.retention-days", retention,
					"one of " + RETENTION_DAYS);
		}
		Duration followFor = properties.getLogs().getFollowFor();
		if (followFor != null && (followFor.isNegative() || followFor.isZero())) {
			throw new InvalidDeployPropertyException(prefix + "logs.follow-for", followFor,
					"a positive duration such as 5m, or unset to follow until interrupted");
		}
		if (properties.getDirectUploadLimit().toBytes() > DeployOptions.DIRECT_UPLOAD_LIMIT) {
			throw new InvalidDeployPropertyException(prefix + "direct-upload-limit", properties.getDirectUploadLimit(),
					"at most 50MB, Lambda's limit for a direct upload");
		}
		if (properties.getLockStaleAfter().isNegative() || properties.getLockStaleAfter().isZero()) {
			throw new InvalidDeployPropertyException(prefix + "lock-stale-after", properties.getLockStaleAfter(),
					"a positive duration such as 15m, longer than a deploy takes");
		}
		String mainClass = StringUtils.hasText(function.getMainClass()) ? function.getMainClass() : detectedMainClass;
		Path artifact = (properties.getArtifact() != null) ? properties.getArtifact() : LambdaZips.find(workingDirectory);
		return DeployOptions.builder(appName)
			.stage(properties.getStage())
			.artifact(artifact)
			.apiArtifact((properties.getApiArtifact() != null) ? properties.getApiArtifact() : LambdaZips.apiNextTo(artifact))
			.runtime(function.getRuntime())
			.memoryMb((int) memory)
			.timeout(timeout)
			.architecture(function.getArchitecture())
			.snapStart(function.isSnapStart())
			.mainClass(mainClass)
			.environment(function.getEnvironment())
			.logRetentionDays(retention)
			.destroyTables(properties.isDestroyTables())
			.destroyStreams(properties.isDestroyStreams())
			.destroyQueues(properties.isDestroyQueues())
			.directUploadLimit(properties.getDirectUploadLimit().toBytes())
			.breakLock(properties.isBreakLock())
			.lockStaleAfter(properties.getLockStaleAfter())
			.build();
	}

}
