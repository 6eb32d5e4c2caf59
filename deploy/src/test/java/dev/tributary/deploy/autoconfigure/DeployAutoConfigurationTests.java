package dev.tributary.deploy.autoconfigure;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tributary.autoconfigure.local.TributaryLocalAwsAutoConfiguration;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.ProcessorOptions;
import dev.tributary.deploy.DeployClients;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.Deployer;
import dev.tributary.deploy.support.TestRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DeployAutoConfiguration}.
 *
 * @author Tributary
 */
class DeployAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryLocalAwsAutoConfiguration.class, DeployAutoConfiguration.class))
		.withPropertyValues("tributary.local.enabled=false")
		.withBean(StreamProcessorRegistry.class, () -> TestRegistry.of("orders", "orders", ProcessorOptions.defaults()))
		.withPropertyValues("spring.application.name=shop", "spring.cloud.aws.region.static=eu-west-1",
				"spring.cloud.aws.credentials.access-key=a", "spring.cloud.aws.credentials.secret-key=b");

	@Test
	void staysOffUnlessACommandIsRequested() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(Deployer.class)
			.doesNotHaveBean(DeployCommandRunner.class));
	}

	@Test
	void aCallToAnEndpointWhereNothingListensNamesTheEndpointAndItsProperty() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		String endpoint = "http://127.0.0.1:" + closedPort;
		this.runner.withPropertyValues("tributary.deploy.command=plan", "spring.cloud.aws.endpoint=" + endpoint)
			.run((context) -> assertThatExceptionOfType(software.amazon.awssdk.core.exception.SdkClientException.class)
				.isThrownBy(() -> context.getBean(DeployClients.class).sts().getCallerIdentity())
				.withMessageStartingWith("Cannot connect to the AWS endpoint " + endpoint + " (spring.cloud.aws.endpoint)")
				.withMessageContaining("Connection refused")
				.withMessageEndingWith("start the emulator or service there, or change or remove spring.cloud.aws.endpoint"));
	}

	@Test
	void mapsPropertiesIntoOptionsWithTheApplicationNameAsDefault() {
		this.runner
			.withPropertyValues("tributary.deploy.command=plan", "tributary.deploy.stage=prod",
					"tributary.deploy.function.memory=2GB", "tributary.deploy.function.timeout=2m",
					"tributary.deploy.function.architecture=arm64", "tributary.deploy.logs.retention-days=30",
					"tributary.deploy.break-lock=true", "tributary.deploy.lock-stale-after=1h",
					"tributary.deploy.destroy-queues=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(DeployCommandRunner.class).hasSingleBean(Deployer.class);
				DeployOptions options = context.getBean(DeployOptions.class);
				assertThat(options.appName()).isEqualTo("shop");
				assertThat(options.stage()).isEqualTo("prod");
				assertThat(options.memoryMb()).isEqualTo(2048);
				assertThat(options.timeout()).hasSeconds(120);
				assertThat(options.architecture().awsName()).isEqualTo("arm64");
				assertThat(options.logRetentionDays()).isEqualTo(30);
				assertThat(options.runtime()).isEqualTo("java21");
				assertThat(options.breakLock()).isTrue();
				assertThat(options.lockStaleAfter()).hasHours(1);
				assertThat(options.destroyQueues()).isTrue();
				assertThat(options.destroyStreams()).isFalse();
			});
	}

	@Test
	void findsTheApiZipNextToTheArtifactUnlessItIsSetAndWithoutOneLeavesItToTheArtifact(@TempDir Path target)
			throws Exception {
		Path artifact = Files.writeString(target.resolve("shop-1.0-lambda.zip"), "processors");
		ApplicationContextRunner deploy = this.runner.withPropertyValues("tributary.deploy.command=plan",
				"tributary.deploy.artifact=" + artifact);

		deploy.run((context) -> assertThat(context.getBean(DeployOptions.class).apiArtifact()).isEmpty());
		Path api = Files.writeString(target.resolve("shop-1.0-api-lambda.zip"), "api");
		deploy.run((context) -> assertThat(context.getBean(DeployOptions.class).apiArtifact()).contains(api));
		deploy.withPropertyValues("tributary.deploy.api-artifact=" + target.resolve("web.zip"))
			.run((context) -> assertThat(context.getBean(DeployOptions.class).apiArtifact())
				.contains(target.resolve("web.zip")));
	}

	@Test
	void rejectsAnInvalidValueNamingThePropertyAndWhatIsValid() {
		this.runner.withPropertyValues("tributary.deploy.command=deploy", "tributary.deploy.logs.retention-days=10")
			.run((context) -> {
				assertThat(context).hasFailed();
				InvalidDeployPropertyException ex = findCause(context.getStartupFailure());
				FailureAnalysis analysis = new InvalidDeployPropertyFailureAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).contains("'tributary.deploy.logs.retention-days'").contains("'10'");
				assertThat(analysis.getAction()).contains("one of [1, 3, 5, 7, 14, 30");
			});
	}

	@Test
	void rejectsAnUnknownRuntime() {
		this.runner.withPropertyValues("tributary.deploy.command=deploy", "tributary.deploy.function.runtime=java8")
			.run((context) -> assertThat(findCause(context.getStartupFailure()))
				.hasMessageContaining("tributary.deploy.function.runtime")
				.hasMessageContaining("java21"));
	}

	@Test
	void rejectsAFollowDurationThatIsNotPositive() {
		this.runner.withPropertyValues("tributary.deploy.command=logs", "tributary.deploy.logs.follow-for=0s")
			.run((context) -> assertThat(findCause(context.getStartupFailure()))
				.hasMessageContaining("tributary.deploy.logs.follow-for")
				.hasMessageContaining("a positive duration"));
	}

	@Test
	void rejectsALockStaleAfterThatIsNotPositive() {
		this.runner.withPropertyValues("tributary.deploy.command=deploy", "tributary.deploy.lock-stale-after=0s")
			.run((context) -> assertThat(findCause(context.getStartupFailure()))
				.hasMessageContaining("tributary.deploy.lock-stale-after")
				.hasMessageContaining("Invalid value 'PT0S'")
				.hasMessageContaining("a positive duration such as 15m, longer than a deploy takes"));
	}

	@Test
	void failedCommandExplainsItselfAndExitsWithStatusOne() {
		DeployFailedException failure = new DeployFailedException(dev.tributary.deploy.DeployCommand.DEPLOY,
				new dev.tributary.deploy.DeployException("Lambda artifact x.zip does not exist: run 'mvn package' first"));

		FailureAnalysis analysis = new DeployFailureAnalyzer().analyze(failure);

		assertThat(failure.getExitCode()).isEqualTo(1);
		assertThat(analysis.getDescription()).contains("tributary.deploy.command=deploy failed")
			.contains("run 'mvn package' first");
		assertThat(analysis.getAction()).contains("run the command again");
	}

	private static InvalidDeployPropertyException findCause(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidDeployPropertyException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("InvalidDeployPropertyException in %s", failure).isNotNull();
		return (InvalidDeployPropertyException) cause;
	}

}
