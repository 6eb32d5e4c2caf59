package dev.tributary.test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK clients pointed at the shared {@link MotoServerExtension emulator}, with dummy
 * credentials: tests never reach real AWS.
 *
 * @author Tributary
 */
public final class AwsTestClients {

	/** Region every test uses. */
	public static final Region REGION = Region.US_EAST_1;

	private AwsTestClients() {
	}

	/**
	 * Point any SDK client builder at the emulator.
	 * @param <B> the builder type
	 * @param builder the builder
	 * @return the builder
	 */
	public static <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
		builder.endpointOverride(MotoServerExtension.endpoint())
			.region(REGION)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
		return builder;
	}

	public static DynamoDbClient dynamoDb() {
		return configure(DynamoDbClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
	}

	public static DynamoDbStreamsClient dynamoDbStreams() {
		return configure(DynamoDbStreamsClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
	}

	public static KinesisClient kinesis() {
		return configure(KinesisClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
	}

	public static SqsClient sqs() {
		return configure(SqsClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
	}

	public static S3Client s3() {
		return configure(S3Client.builder()).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
	}

	public static SnsClient sns() {
		return configure(SnsClient.builder()).httpClient(UrlConnectionHttpClient.create()).build();
	}

}
