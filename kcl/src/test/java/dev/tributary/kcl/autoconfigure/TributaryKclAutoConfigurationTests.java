package dev.tributary.kcl.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.aws.AwsConnection;
import dev.tributary.kcl.KclOptions;
import dev.tributary.kcl.KclSource;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.failure.LoggingFailureDestination;
import dev.tributary.local.provision.TableProvisioner;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.metrics.MetricsLevel;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TributaryKclAutoConfiguration}: the KCL source only with
 * {@code tributary.runtime=kcl}, and its options from {@code tributary.kcl.*}.
 */
class TributaryKclAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryKclAutoConfiguration.class))
		.withUserConfiguration(HostRuntime.class);

	@Test
	void withoutTheKclRuntimeSelectedNothingIsConfigured() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(KclSource.class)
			.doesNotHaveBean(KclOptions.class));
	}

	@Test
	void theKclRuntimeContributesASourceToTheHostRuntime() {
		this.contextRunner.withPropertyValues("tributary.runtime=kcl", "spring.application.name=shop")
			.run((context) -> {
				assertThat(context).hasSingleBean(KclSource.class);
				KclOptions options = context.getBean(KclOptions.class);
				assertThat(options.app()).isEqualTo("shop");
				assertThat(options.stage()).isEqualTo("dev");
				assertThat(options.metricsLevel()).isEqualTo(MetricsLevel.NONE);
				assertThat(options.workerId()).contains(String.valueOf(ProcessHandle.current().pid()));
			});
	}

	@Test
	void propertiesSetTheOptions() {
		this.contextRunner
			.withPropertyValues("tributary.runtime=KCL", "tributary.kcl.app-name=orders", "tributary.kcl.stage=prod",
					"tributary.kcl.worker-id=host-1", "tributary.kcl.failover-time=4s",
					"tributary.kcl.idle-time-between-reads=1s", "tributary.kcl.metrics-level=summary")
			.run((context) -> {
				KclOptions options = context.getBean(KclOptions.class);
				assertThat(options.app()).isEqualTo("orders");
				assertThat(options.stage()).isEqualTo("prod");
				assertThat(options.workerId()).isEqualTo("host-1");
				assertThat(options.failoverTime()).hasSeconds(4);
				assertThat(options.idleTimeBetweenReads()).hasSeconds(1);
				assertThat(options.metricsLevel()).isEqualTo(MetricsLevel.SUMMARY);
			});
	}

	@Test
	void aFailoverTimeUnderASecondFailsNamingThePropertyAndWhatIsValid() {
		this.contextRunner.withPropertyValues("tributary.runtime=kcl", "tributary.kcl.failover-time=200ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("tributary.kcl.failover-time")
					.hasMessageContaining("PT0.2S")
					.hasMessageContaining("At least 1s");
			});
	}

	/**
	 * What the local runtime's auto-configuration gives the KCL runtime, against an address where
	 * nothing answers: building clients makes no call.
	 */
	@Configuration(proxyBeanMethods = false)
	static class HostRuntime {

		private final AwsConnection connection = new AwsConnection(URI.create("http://127.0.0.1:9"), Region.US_EAST_1,
				StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")), "test");

		@Bean
		AwsConnection awsConnection() {
			return this.connection;
		}

		@Bean
		StreamProcessorRegistry registry() {
			return new DefaultStreamProcessorRegistry(List.of());
		}

		@Bean(destroyMethod = "close")
		DynamoDbStreamsClient streams() {
			return this.connection.configure(DynamoDbStreamsClient.builder()).build();
		}

		@Bean(destroyMethod = "close")
		DynamoDbClient dynamoDb() {
			return this.connection.configure(DynamoDbClient.builder()).build();
		}

		@Bean
		TableProvisioner tables(DynamoDbClient dynamoDb) {
			return new TableProvisioner(dynamoDb);
		}

		@Bean
		LocalStreamRuntime runtime(StreamProcessorRegistry registry) {
			return new LocalStreamRuntime(registry, List.of(), new ShardEngine(new InMemoryCheckpointStore(),
					(processor) -> new LoggingFailureDestination(), LocalRuntimeOptions.defaults(), RuntimeMetrics.NONE,
					Clock.systemUTC()));
		}

	}

}
