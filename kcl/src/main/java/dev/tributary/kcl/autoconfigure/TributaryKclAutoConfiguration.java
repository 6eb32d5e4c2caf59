package dev.tributary.kcl.autoconfigure;

import java.time.Duration;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.autoconfigure.local.TributaryLocalAwsAutoConfiguration;
import dev.tributary.autoconfigure.local.TributaryLocalRuntimeAutoConfiguration;
import dev.tributary.aws.AwsConnection;
import dev.tributary.kcl.KclClients;
import dev.tributary.kcl.KclOptions;
import dev.tributary.kcl.KclSource;
import dev.tributary.kinesis.local.KinesisStreamProvisioner;
import dev.tributary.local.provision.TableProvisioner;
import dev.tributary.local.runtime.LocalStreamRuntime;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.kinesis.metrics.MetricsLevel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the KCL runtime: with {@code tributary.runtime=kcl} and the host runtime
 * running (outside Lambda, {@code tributary.local.enabled}), DynamoDB Streams and Kinesis
 * processors are read by KCL instead of the local shard engine, which backs off for them. Queue
 * processors, the actuator endpoint, health, meters and failure destinations stay the host
 * runtime's.
 *
 * @author Tributary
 */
@AutoConfiguration(after = { TributaryLocalAwsAutoConfiguration.class, TributaryLocalRuntimeAutoConfiguration.class })
@ConditionalOnProperty(name = "tributary.runtime", havingValue = "kcl")
@ConditionalOnBean({ StreamProcessorRegistry.class, LocalStreamRuntime.class, AwsConnection.class,
		DynamoDbStreamsClient.class, TableProvisioner.class })
@EnableConfigurationProperties(KclProperties.class)
public final class TributaryKclAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	KclOptions tributaryKclOptions(KclProperties properties, Environment environment) {
		check(properties);
		String app = StringUtils.hasText(properties.getAppName()) ? properties.getAppName()
				: environment.getProperty("spring.application.name", "tributary");
		KclOptions.Builder builder = KclOptions.builder(app)
			.stage(properties.getStage())
			.failoverTime(properties.getFailoverTime())
			.idleTimeBetweenReads(properties.getIdleTimeBetweenReads())
			.shutdownTimeout(properties.getShutdownTimeout())
			.metricsLevel(MetricsLevel.valueOf(properties.getMetricsLevel().name()));
		if (StringUtils.hasText(properties.getWorkerId())) {
			builder.workerId(properties.getWorkerId());
		}
		return builder.build();
	}

	private static void check(KclProperties properties) {
		String prefix = KclProperties.PREFIX + ".";
		if (properties.getFailoverTime().compareTo(Duration.ofSeconds(1)) < 0) {
			throw new InvalidConfigurationPropertyValueException(prefix + "failover-time", properties.getFailoverTime(),
					"At least 1s: leases are renewed every third of it; 10s (the default) or more on AWS.");
		}
		if (properties.getIdleTimeBetweenReads().isNegative()) {
			throw new InvalidConfigurationPropertyValueException(prefix + "idle-time-between-reads",
					properties.getIdleTimeBetweenReads(), "A duration of 0 or more, such as 200ms.");
		}
		if (properties.getShutdownTimeout().isNegative()) {
			throw new InvalidConfigurationPropertyValueException(prefix + "shutdown-timeout",
					properties.getShutdownTimeout(), "A duration of 0 or more, such as 20s.");
		}
		if (properties.getStage().isBlank()) {
			throw new InvalidConfigurationPropertyValueException(prefix + "stage", properties.getStage(),
					"A stage name such as dev or prod; it names the KCL tables.");
		}
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	KclClients tributaryKclClients(AwsConnection connection, DynamoDbStreamsClient streams,
			ObjectProvider<KinesisClient> kinesis) {
		// The Kinesis client's bean turns CBOR off for an emulator; KCL's client must see that too.
		kinesis.getIfAvailable();
		return KclClients.of(connection, streams);
	}

	@Bean
	@ConditionalOnMissingBean
	KclSource tributaryKclSource(TableProvisioner tables, ObjectProvider<KinesisClient> kinesis, KclClients clients,
			KclOptions options) {
		KinesisClient client = kinesis.getIfAvailable();
		return new KclSource(tables, (client != null) ? new KinesisStreamProvisioner(client) : null, clients,
				options);
	}

}
