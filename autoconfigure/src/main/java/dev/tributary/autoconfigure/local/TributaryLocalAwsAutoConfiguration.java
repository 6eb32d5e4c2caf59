package dev.tributary.autoconfigure.local;

import dev.tributary.aws.AwsConnection;
import dev.tributary.local.emulator.EmbeddedEmulator;
import dev.tributary.local.emulator.EmbeddedEmulators;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of where Tributary's AWS clients connect outside Lambda, for the local
 * runtime and deploy alike: a configured endpoint ({@code spring.cloud.aws.endpoint}), else an
 * embedded emulator started for the application's lifetime, else (only when the emulator or the
 * local runtime is turned off) AWS itself; and the SDK clients built from that one
 * {@link AwsConnection}.
 *
 * @author Tributary
 */
@AutoConfiguration
@Conditional(OutsideLambdaCondition.class)
@EnableConfigurationProperties(LocalRuntimeProperties.class)
public final class TributaryLocalAwsAutoConfiguration {

	private static final Log logger = LogFactory.getLog(TributaryLocalAwsAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = { "tributary.local.enabled", "tributary.local.emulator.enabled" },
			matchIfMissing = true)
	@Conditional(NoEndpointConfiguredCondition.class)
	EmbeddedEmulator tributaryEmbeddedEmulator(LocalRuntimeProperties properties) {
		return EmbeddedEmulators
			.start(properties.getEmulator().getStartupTimeout(), properties.getEmulator().getImage())
			.orElseThrow(NoAwsEndpointException::new);
	}

	@Bean
	@ConditionalOnMissingBean
	AwsConnection tributaryAwsConnection(Environment environment, ObjectProvider<EmbeddedEmulator> emulator) {
		AwsConnection connection = AwsConnectionFactory.create(environment, emulator.getIfAvailable());
		logger.info("Tributary connects to " + connection.description() + ", region " + connection.region());
		return connection;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	DynamoDbClient dynamoDbClient(AwsConnection connection, Environment environment) {
		return AwsConnectionFactory.configure(DynamoDbClient.builder(), connection, environment)
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	DynamoDbStreamsClient dynamoDbStreamsClient(AwsConnection connection, Environment environment) {
		return AwsConnectionFactory.configure(DynamoDbStreamsClient.builder(), connection, environment)
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SqsClient.class)
	static class SqsClientConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		SqsClient sqsClient(AwsConnection connection, Environment environment) {
			return AwsConnectionFactory.configure(SqsClient.builder(), connection, environment)
				.httpClientBuilder(UrlConnectionHttpClient.builder())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(S3Client.class)
	static class S3ClientConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		S3Client s3Client(AwsConnection connection, Environment environment) {
			// Emulators serve buckets by path, not by host name.
			return AwsConnectionFactory.configure(S3Client.builder(), connection, environment)
				.forcePathStyle(connection.findEndpoint().isPresent())
				.httpClientBuilder(UrlConnectionHttpClient.builder())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SnsClient.class)
	static class SnsClientConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		SnsClient snsClient(AwsConnection connection, Environment environment) {
			return AwsConnectionFactory.configure(SnsClient.builder(), connection, environment)
				.httpClientBuilder(UrlConnectionHttpClient.builder())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KinesisClient.class)
	static class KinesisClientConfiguration {

		/**
		 * The system property the AWS SDK reads to choose Kinesis's wire format.
		 */
		private static final String CBOR_ENABLED = "aws.cborEnabled";

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		KinesisClient kinesisClient(AwsConnection connection, Environment environment) {
			// Emulators (moto, LocalStack's Kinesis mock) speak Kinesis's JSON protocol only, and
			// the SDK reads the switch from a system property, not from the client builder.
			if (connection.findEndpoint().isPresent() && System.getProperty(CBOR_ENABLED) == null
					&& System.getenv("CBOR_ENABLED") == null) {
				System.setProperty(CBOR_ENABLED, "false");
			}
			return AwsConnectionFactory.configure(KinesisClient.builder(), connection, environment)
				.httpClientBuilder(UrlConnectionHttpClient.builder())
				.build();
		}

	}

}
