package dev.tributary.kcl;

import dev.tributary.aws.AwsConnection;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

import org.springframework.util.Assert;

/**
 * The clients KCL runs on, all on the application's one {@link AwsConnection} (endpoint, region,
 * credentials): KCL's asynchronous Kinesis, DynamoDB (leases) and CloudWatch clients, and the
 * DynamoDB Streams client the adapter reads through.
 *
 * @param connection the connection they were built with
 * @param kinesis reads Kinesis streams
 * @param dynamoDb keeps the lease, coordinator and worker metrics tables
 * @param cloudWatch receives KCL's metrics, when on
 * @param streams reads DynamoDB Streams through the adapter
 * @author Tributary
 */
public record KclClients(AwsConnection connection, KinesisAsyncClient kinesis, DynamoDbAsyncClient dynamoDb,
		CloudWatchAsyncClient cloudWatch, DynamoDbStreamsClient streams) implements AutoCloseable {

	public KclClients {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(kinesis, "'kinesis' must not be null");
		Assert.notNull(dynamoDb, "'dynamoDb' must not be null");
		Assert.notNull(cloudWatch, "'cloudWatch' must not be null");
		Assert.notNull(streams, "'streams' must not be null");
	}

	/**
	 * Build KCL's asynchronous clients on a connection, with the application's DynamoDB Streams
	 * client.
	 * @param connection the endpoint, region and credentials
	 * @param streams the DynamoDB Streams client
	 * @return the clients
	 */
	public static KclClients of(AwsConnection connection, DynamoDbStreamsClient streams) {
		Assert.notNull(connection, "'connection' must not be null");
		// HTTP/1.1: KCL polls with GetRecords; the SDK's default HTTP/2 is only for enhanced
		// fan-out (SubscribeToShard), which Tributary does not use and emulators do not speak.
		KinesisAsyncClient kinesis = connection.configure(KinesisAsyncClient.builder())
			.httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
			.build();
		return new KclClients(connection, kinesis,
				connection.configure(DynamoDbAsyncClient.builder()).build(),
				connection.configure(CloudWatchAsyncClient.builder()).build(), streams);
	}

	/**
	 * Close the asynchronous clients built here (not the application's streams client).
	 */
	@Override
	public void close() {
		this.kinesis.close();
		this.dynamoDb.close();
		this.cloudWatch.close();
	}

}
