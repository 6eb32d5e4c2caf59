package dev.tributary.autoconfigure.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import dev.tributary.test.StartupFailures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A missing region, a malformed or unreachable endpoint and missing credentials each fail with
 * an analysis naming the properties and environment variables to set, not a stack trace.
 * <p>
 * The SDK's region and credentials chains are kept off this machine's AWS profile and off the
 * instance metadata service (system properties, restored after each test).
 */
class AwsConnectionFailuresTests {

	private static final String[] ISOLATING_PROPERTIES = { "aws.region", "aws.configFile", "aws.sharedCredentialsFile",
			"aws.disableEc2Metadata", "aws.accessKeyId", "aws.secretAccessKey" };

	private final Map<String, String> savedProperties = new HashMap<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryLocalAwsAutoConfiguration.class))
		.withPropertyValues("tributary.local.enabled=false");

	@BeforeEach
	void isolateFromThisMachinesAwsSettings() {
		for (String property : ISOLATING_PROPERTIES) {
			String value = System.getProperty(property);
			if (value != null) {
				this.savedProperties.put(property, value);
			}
			System.clearProperty(property);
		}
		System.setProperty("aws.configFile", "target/no-aws-config");
		System.setProperty("aws.sharedCredentialsFile", "target/no-aws-credentials");
		System.setProperty("aws.disableEc2Metadata", "true");
	}

	@AfterEach
	void restoreAwsSettings() {
		for (String property : ISOLATING_PROPERTIES) {
			System.clearProperty(property);
		}
		this.savedProperties.forEach(System::setProperty);
	}

	@Test
	void aMissingRegionAgainstAwsNamesThePropertyAndTheEnvironmentVariable() {
		assertThat(System.getenv("AWS_REGION")).as("AWS_REGION must not be set for this test").isNull();
		this.runner.withPropertyValues("tributary.local.emulator.enabled=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(StartupFailures.analysisOf(context.getStartupFailure())).contains(
					"Tributary talks to AWS itself (no endpoint is configured and the embedded emulator is off), "
							+ "and no AWS region is configured: spring.cloud.aws.region.static is not set",
					"the property spring.cloud.aws.region.static=eu-west-1 (environment variable "
							+ "SPRING_CLOUD_AWS_REGION_STATIC)",
					"the environment variable AWS_REGION=eu-west-1", "~/.aws/config", "set spring.cloud.aws.endpoint");
		});
	}

	@Test
	void anEndpointWithoutSchemeNamesThePropertyItsValueAndTheFix() {
		this.runner.withPropertyValues("spring.cloud.aws.endpoint=localhost:5000").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(StartupFailures.analysisOf(context.getStartupFailure())).contains(
					"Invalid value 'localhost:5000' for spring.cloud.aws.endpoint: an endpoint starts with http:// or "
							+ "https://, such as http://localhost:5000",
					"Change spring.cloud.aws.endpoint to an absolute http or https URI");
		});
	}

	@Test
	void anEndpointThatIsNoUriNamesTheServiceProperty() {
		this.runner.withPropertyValues("spring.cloud.aws.dynamodb.endpoint=http://local host:5000").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(StartupFailures.analysisOf(context.getStartupFailure()))
				.contains("Invalid value 'http://local host:5000' for spring.cloud.aws.dynamodb.endpoint: it is not a URI");
		});
	}

	@Test
	void anEndpointWhereNothingAnswersNamesTheEndpointAndItsProperty() throws IOException {
		int port = closedPort();
		this.runner
			.withPropertyValues("spring.cloud.aws.endpoint=http://127.0.0.1:" + port,
					"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test")
			.run((context) -> {
				Throwable failure = catchThrowable(() -> context.getBean(DynamoDbClient.class).listTables());
				assertThat(failure).isInstanceOf(AwsEndpointUnreachableException.class);
				assertThat(StartupFailures.analysisOf(new IllegalStateException("Failed to start bean", failure)))
					.contains("Cannot connect to the AWS endpoint http://127.0.0.1:" + port
							+ " (spring.cloud.aws.endpoint): ConnectException")
					.contains("Start the emulator at http://127.0.0.1:" + port)
					.contains("or change spring.cloud.aws.endpoint to an endpoint that answers");
			});
	}

	@Test
	void missingCredentialsAgainstAwsNameThePropertiesAndTheEnvironmentVariables() {
		assertThat(System.getenv("AWS_ACCESS_KEY_ID")).as("AWS_ACCESS_KEY_ID must not be set for this test").isNull();
		this.runner
			.withPropertyValues("tributary.local.emulator.enabled=false", "spring.cloud.aws.region.static=eu-west-1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Throwable failure = catchThrowable(() -> context.getBean(DynamoDbClient.class).listTables());
				assertThatExceptionOfType(MissingAwsCredentialsException.class).isThrownBy(() -> {
					throw failure;
				});
				assertThat(StartupFailures.analysisOf(new IllegalStateException("Failed to start bean", failure)))
					.contains("Tributary has no AWS credentials for AWS itself: "
							+ "spring.cloud.aws.credentials.access-key and spring.cloud.aws.credentials.secret-key "
							+ "are not set, and the SDK's default chain found none")
					.contains("the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
					.contains("chosen with AWS_PROFILE");
			});
	}

	@Test
	void missingCredentialsForAnEmulatorEndpointSayThatAnyCredentialsWillDo() throws IOException {
		assertThat(System.getenv("AWS_ACCESS_KEY_ID")).as("AWS_ACCESS_KEY_ID must not be set for this test").isNull();
		int port = closedPort();
		this.runner.withPropertyValues("spring.cloud.aws.endpoint=http://127.0.0.1:" + port).run((context) -> {
			Throwable failure = catchThrowable(() -> context.getBean(DynamoDbClient.class).listTables());
			assertThat(failure).isInstanceOf(MissingAwsCredentialsException.class);
			assertThat(StartupFailures.analysisOf(new IllegalStateException("Failed to start bean", failure)))
				.contains("Tributary has no AWS credentials for endpoint http://127.0.0.1:" + port
						+ " (spring.cloud.aws.endpoint)")
				.contains("An emulator accepts any credentials, such as spring.cloud.aws.credentials.access-key=test "
						+ "and spring.cloud.aws.credentials.secret-key=test.")
				.doesNotContain("To run against a local emulator instead");
		});
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
