package dev.tributary.autoconfigure.local;

import java.time.Duration;
import java.util.List;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.aws.AwsConnection;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.LocalRuntimeOptionsCustomizer;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.actuate.TributaryEndpoint;
import dev.tributary.local.actuate.TributaryHealthIndicator;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.checkpoint.DynamoDbCheckpointStore;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.emulator.EmbeddedEmulator;
import dev.tributary.local.metrics.MicrometerRuntimeMetrics;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.MotoServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MotoServerExtension.class)
class TributaryLocalAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryLocalAwsAutoConfiguration.class,
				TributaryLocalRuntimeAutoConfiguration.class))
		.withUserConfiguration(EmptyRegistry.class);

	private ApplicationContextRunner withEmulator() {
		return this.runner.withPropertyValues("spring.cloud.aws.endpoint=" + MotoServerExtension.endpoint(),
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test");
	}

	@Test
	void connectsToTheConfiguredEndpointWithoutStartingAnEmulator() {
		withEmulator().withPropertyValues("spring.cloud.aws.region.static=eu-west-1").run((context) -> {
			assertThat(context).doesNotHaveBean(EmbeddedEmulator.class);
			AwsConnection connection = context.getBean(AwsConnection.class);
			assertThat(connection.endpoint()).isEqualTo(MotoServerExtension.endpoint());
			assertThat(connection.region()).isEqualTo(Region.EU_WEST_1);
			assertThat(context).hasSingleBean(DynamoDbClient.class)
				.hasSingleBean(DynamoDbStreamsClient.class)
				.hasSingleBean(SqsClient.class)
				.hasSingleBean(LocalStreamRuntime.class);
		});
	}

	@Test
	void usesTheSdkDefaultCredentialsForAConfiguredEndpointWithoutKeys() {
		this.runner.withPropertyValues("spring.cloud.aws.dynamodb.endpoint=http://localhost:1")
			.withPropertyValues("tributary.local.enabled=false")
			.run((context) -> assertThat(context.getBean(AwsConnection.class).credentialsProvider())
				.isInstanceOfSatisfying(ExplainingCredentialsProvider.class,
						(provider) -> assertThat(provider.getDelegate()).isInstanceOf(DefaultCredentialsProvider.class)));
	}

	@Test
	void startsAnEmbeddedEmulatorWhenNoEndpointIsConfigured() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedEmulator.class);
			EmbeddedEmulator emulator = context.getBean(EmbeddedEmulator.class);
			assertThat(context.getBean(AwsConnection.class).endpoint()).isEqualTo(emulator.getEndpoint());
			assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames()).isNotNull();
		});
	}

	@Test
	void talksToAwsOnlyWhenTheLocalRuntimeIsExplicitlyDisabled() {
		this.runner.withPropertyValues("tributary.local.enabled=false", "spring.cloud.aws.region.static=eu-west-1")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedEmulator.class).doesNotHaveBean(LocalStreamRuntime.class);
				assertThat(context.getBean(AwsConnection.class).endpoint()).isNull();
				assertThat(context.getBean(AwsConnection.class).region().id()).isEqualTo("eu-west-1");
			});
	}

	@Test
	void runsProcessorsAgainstAwsItselfWhenOnlyTheEmulatorIsTurnedOff() {
		this.runner
			.withPropertyValues("tributary.local.emulator.enabled=false", "spring.cloud.aws.region.static=eu-west-1",
					"tributary.local.checkpoints.store=memory")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedEmulator.class).hasSingleBean(LocalStreamRuntime.class);
				assertThat(context.getBean(AwsConnection.class).endpoint()).isNull();
				assertThat(context.getBean(AwsConnection.class).description()).contains("AWS itself");
			});
	}

	@Test
	void awsItselfWithoutAnyRegionFailsSayingHowToSetOne() {
		this.runner.withPropertyValues("tributary.local.enabled=false", "aws.region=")
			.withSystemProperties("aws.region=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("No AWS region is configured: set spring.cloud.aws.region.static"));
	}

	@Test
	void staysOutOfLambda() {
		this.runner.withPropertyValues("AWS_LAMBDA_FUNCTION_NAME=items")
			.run((context) -> assertThat(context).doesNotHaveBean(AwsConnection.class)
				.doesNotHaveBean(EmbeddedEmulator.class)
				.doesNotHaveBean(LocalStreamRuntime.class));
	}

	@Test
	void storesCheckpointsInDynamoDbByDefaultAndInMemoryWhenAsked() {
		withEmulator().run((context) -> assertThat(context.getBean(CheckpointStore.class))
			.isInstanceOf(DynamoDbCheckpointStore.class));
		withEmulator().withPropertyValues("tributary.local.checkpoints.store=memory")
			.run((context) -> assertThat(context.getBean(CheckpointStore.class))
				.isInstanceOf(InMemoryCheckpointStore.class));
	}

	@Test
	void mapsPropertiesToOptionsAndAppliesCustomizersInOrder() {
		withEmulator().withPropertyValues("tributary.local.poll-interval=150ms", "tributary.local.shutdown-timeout=3s")
			.withBean("slower", LocalRuntimeOptionsCustomizer.class,
					() -> (builder) -> builder.maxIdlePollInterval(Duration.ofSeconds(5)))
			.run((context) -> {
				LocalRuntimeOptions options = context.getBean(LocalRuntimeOptions.class);
				assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(150));
				assertThat(options.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.maxIdlePollInterval()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void recordsMetricsWithMicrometerWhenARegistryIsPresent() {
		withEmulator().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context.getBean(RuntimeMetrics.class))
				.isInstanceOf(MicrometerRuntimeMetrics.class));
		withEmulator().withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RuntimeMetrics.class)
				.hasSingleBean(LocalStreamRuntime.class));
	}

	@Test
	void exposesTheTributaryEndpointWhenAvailable() {
		withEmulator().withPropertyValues("management.endpoints.web.exposure.include=tributary")
			.run((context) -> assertThat(context).hasSingleBean(TributaryEndpoint.class));
	}

	@Test
	void contributesAHealthIndicatorWhenSpringBootHealthIsPresentAndEnabled() {
		withEmulator().run((context) -> assertThat(context).hasSingleBean(TributaryHealthIndicator.class));
		withEmulator().withPropertyValues("management.health.tributary.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TributaryHealthIndicator.class));
		withEmulator()
			.withClassLoader(new FilteredClassLoader(org.springframework.boot.health.contributor.HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TributaryHealthIndicator.class)
				.hasSingleBean(LocalStreamRuntime.class));
	}

	@Test
	void worksWithoutSqsOnTheClasspath() {
		withEmulator().withClassLoader(new FilteredClassLoader(SqsClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean("sqsClient").hasSingleBean(LocalStreamRuntime.class));
	}

	@Test
	void backsOffWhenTheUserDefinesTheirOwnClients() {
		withEmulator().withBean("myDynamoDb", DynamoDbClient.class, dev.tributary.test.AwsTestClients::dynamoDb)
			.run((context) -> assertThat(context).hasSingleBean(DynamoDbClient.class).hasBean("myDynamoDb"));
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyRegistry {

		@Bean
		StreamProcessorRegistry streamProcessorRegistry() {
			return new DefaultStreamProcessorRegistry(List.of());
		}

	}

}
