package dev.tributary.autoconfigure.local;

import java.time.Clock;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.autoconfigure.TributaryAutoConfiguration;
import dev.tributary.aws.AwsConnection;
import dev.tributary.dynamodb.local.DynamoDbLocalSource;
import dev.tributary.dynamodb.local.SdkStreamClient;
import dev.tributary.dynamodb.local.StreamClient;
import dev.tributary.local.FailureDestinationResolver;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.LocalRuntimeOptionsCustomizer;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.actuate.TributaryEndpoint;
import dev.tributary.local.actuate.TributaryHealthIndicator;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.checkpoint.DynamoDbCheckpointStore;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.emulator.EmbeddedEmulator;
import dev.tributary.local.failure.LoggingFailureDestination;
import dev.tributary.local.metrics.MicrometerRuntimeMetrics;
import dev.tributary.local.metrics.SdkRetryMetrics;
import dev.tributary.local.provision.TableProvisioner;
import dev.tributary.local.runtime.LocalSource;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.local.shard.ShardEngine;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the local runtime: outside Lambda, with {@code tributary.local.enabled}
 * (the default) and at least the processor registry, provisions what the processors read and
 * feeds each processor from its stream with the semantics of Lambda's event source mapping. The
 * sources are {@link LocalSource} beans: DynamoDB Streams' here, Kinesis's in
 * {@link TributaryKinesisLocalAutoConfiguration}; with {@code tributary.runtime=kcl} the KCL
 * module's source reads both instead of the shard engine, and the rest (queues, the endpoint,
 * health, metrics, failure destinations) stays as it is.
 *
 * @author Tributary
 */
@AutoConfiguration(after = { TributaryAutoConfiguration.class, TributaryLocalAwsAutoConfiguration.class })
@Conditional(OutsideLambdaCondition.class)
@ConditionalOnBooleanProperty(name = "tributary.local.enabled", matchIfMissing = true)
@ConditionalOnClass(JsonMapper.class)
@ConditionalOnBean({ StreamProcessorRegistry.class, DynamoDbClient.class, DynamoDbStreamsClient.class })
@EnableConfigurationProperties(LocalRuntimeProperties.class)
public final class TributaryLocalRuntimeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LocalRuntimeOptions tributaryLocalRuntimeOptions(LocalRuntimeProperties properties,
			ObjectProvider<LocalRuntimeOptionsCustomizer> customizers) {
		LocalRuntimeOptions.Builder builder = LocalRuntimeOptions.builder()
			.pollInterval(properties.getPollInterval())
			.maxIdlePollInterval(properties.getMaxIdlePollInterval())
			.shardDiscoveryInterval(properties.getShardDiscoveryInterval())
			.shutdownTimeout(properties.getShutdownTimeout())
			.maxShardThreads(properties.getMaxShardThreads())
			.initialRetryBackoff(properties.getRetryBackoff().getInitial())
			.maxRetryBackoff(properties.getRetryBackoff().getMax())
			.initialThrottleBackoff(properties.getThrottleBackoff().getInitial())
			.maxThrottleBackoff(properties.getThrottleBackoff().getMax())
			.initialErrorBackoff(properties.getErrorBackoff().getInitial())
			.maxErrorBackoff(properties.getErrorBackoff().getMax())
			.leaseDuration(properties.getLease().getDuration())
			.leaseHeartbeatInterval(properties.getLease().getHeartbeatInterval());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	CheckpointStore tributaryCheckpointStore(LocalRuntimeProperties properties, DynamoDbClient dynamoDb) {
		if (properties.getCheckpoints().getStore() == LocalRuntimeProperties.Store.MEMORY) {
			return new InMemoryCheckpointStore();
		}
		return new DynamoDbCheckpointStore(dynamoDb, properties.getCheckpoints().getTableName());
	}

	@Bean
	@ConditionalOnMissingBean
	StreamClient tributaryStreamClient(DynamoDbStreamsClient streams, ObjectProvider<RuntimeMetrics> metrics) {
		return new SdkStreamClient(streams, new SdkRetryMetrics(metrics.getIfAvailable(() -> RuntimeMetrics.NONE)));
	}

	@Bean
	@ConditionalOnMissingBean
	TableProvisioner tributaryTableProvisioner(DynamoDbClient dynamoDb) {
		return new TableProvisioner(dynamoDb);
	}

	@Bean
	@ConditionalOnMissingBean
	LoggingFailureDestination tributaryLoggingFailureDestination() {
		return new LoggingFailureDestination();
	}

	@Bean
	@ConditionalOnMissingBean
	FailureDestinationResolver tributaryFailureDestinationResolver(LoggingFailureDestination logging,
			ObjectProvider<QueueDestinations> queues, ObjectProvider<TopicDestinations> topics) {
		return new LocalFailureDestinations(logging, queues.getIfAvailable(), topics.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	DestinationTarget tributaryDestinationTarget(ObjectProvider<AwsConnection> connection,
			ObjectProvider<EmbeddedEmulator> emulator) {
		return DestinationTarget.of(connection.getIfAvailable(), emulator.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "tributary.runtime", havingValue = "local", matchIfMissing = true)
	DynamoDbLocalSource tributaryDynamoDbLocalSource(TableProvisioner provisioner, StreamClient streams) {
		return new DynamoDbLocalSource(provisioner, streams);
	}

	@Bean
	@ConditionalOnMissingBean
	LocalStreamRuntime tributaryLocalStreamRuntime(StreamProcessorRegistry registry,
			ObjectProvider<LocalSource> sources, CheckpointStore checkpoints, FailureDestinationResolver destinations,
			LocalRuntimeOptions options, ObjectProvider<RuntimeMetrics> metrics) {
		ShardEngine engine = new ShardEngine(checkpoints, destinations, options,
				metrics.getIfAvailable(() -> RuntimeMetrics.NONE), Clock.systemUTC());
		return new LocalStreamRuntime(registry, sources.orderedStream().toList(), engine);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SqsClient.class)
	static class SqsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		QueueDestinations tributaryQueueDestinations(ObjectProvider<SqsClient> client, DestinationTarget target) {
			return new QueueDestinations(client, target);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SnsClient.class)
	static class SnsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TopicDestinations tributaryTopicDestinations(ObjectProvider<SnsClient> client, DestinationTarget target) {
			return new TopicDestinations(client, target);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RuntimeMetrics tributaryRuntimeMetrics(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meters = registry.getIfUnique();
			return (meters != null) ? new MicrometerRuntimeMetrics(meters) : RuntimeMetrics.NONE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(TributaryEndpoint.class)
		TributaryEndpoint tributaryEndpoint(LocalStreamRuntime runtime) {
			return new TributaryEndpoint(runtime);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
	@ConditionalOnEnabledHealthIndicator("tributary")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TributaryHealthIndicator tributaryHealthIndicator(LocalStreamRuntime runtime) {
			return new TributaryHealthIndicator(runtime);
		}

	}

}
