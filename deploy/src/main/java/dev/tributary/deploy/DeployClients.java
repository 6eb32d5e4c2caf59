package dev.tributary.deploy;

import java.util.List;

import dev.tributary.aws.AwsConnection;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

import org.springframework.util.Assert;

/**
 * The AWS clients deploy uses, all built from one {@link AwsConnection}.
 *
 * @param region the region resources are deployed to
 * @param dynamoDb tables and streams
 * @param iam roles and policies
 * @param lambda functions and event source mappings
 * @param logs log groups and log events
 * @param s3 the artifact bucket
 * @param sqs the on-failure queues
 * @param kinesis the Kinesis data streams
 * @param sts the caller's account
 * @author Tributary
 */
public record DeployClients(Region region, DynamoDbClient dynamoDb, IamClient iam, LambdaClient lambda,
		CloudWatchLogsClient logs, S3Client s3, SqsClient sqs, KinesisClient kinesis, StsClient sts)
		implements AutoCloseable {

	/**
	 * The system property the AWS SDK reads to choose Kinesis's wire format.
	 */
	private static final String CBOR_ENABLED = "aws.cborEnabled";

	public DeployClients {
		Assert.notNull(region, "'region' must not be null");
		Assert.notNull(dynamoDb, "'dynamoDb' must not be null");
		Assert.notNull(iam, "'iam' must not be null");
		Assert.notNull(lambda, "'lambda' must not be null");
		Assert.notNull(logs, "'logs' must not be null");
		Assert.notNull(s3, "'s3' must not be null");
		Assert.notNull(sqs, "'sqs' must not be null");
		Assert.notNull(kinesis, "'kinesis' must not be null");
		Assert.notNull(sts, "'sts' must not be null");
	}

	/**
	 * Build every client from a connection.
	 * @param connection where and as whom to connect
	 * @param interceptors interceptors added to every client (tests count calls with them)
	 * @return the clients
	 */
	public static DeployClients create(AwsConnection connection, List<ExecutionInterceptor> interceptors) {
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(interceptors, "'interceptors' must not be null");
		IamClientBuilder iam = build(connection, interceptors, IamClient.builder());
		if (connection.endpoint() == null) {
			// IAM is a global service: AWS serves it from one endpoint whatever the deploy region.
			iam.region(Region.AWS_GLOBAL);
		}
		else if (System.getProperty(CBOR_ENABLED) == null && System.getenv("CBOR_ENABLED") == null) {
			// Emulators (moto, LocalStack's Kinesis mock) speak Kinesis's JSON protocol only, and the
			// SDK reads the switch from a system property, not from the client builder.
			System.setProperty(CBOR_ENABLED, "false");
		}
		return new DeployClients(connection.region(), build(connection, interceptors, DynamoDbClient.builder()).build(),
				iam.build(), build(connection, interceptors, LambdaClient.builder()).build(),
				build(connection, interceptors, CloudWatchLogsClient.builder()).build(),
				build(connection, interceptors, S3Client.builder()).forcePathStyle(connection.endpoint() != null).build(),
				build(connection, interceptors, SqsClient.builder()).build(),
				build(connection, interceptors, KinesisClient.builder()).build(),
				build(connection, interceptors, StsClient.builder()).build());
	}

	private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B build(AwsConnection connection,
			List<ExecutionInterceptor> interceptors, B builder) {
		connection.configure(builder);
		builder.overrideConfiguration((config) -> interceptors.forEach(config::addExecutionInterceptor));
		builder.httpClientBuilder(UrlConnectionHttpClient.builder());
		return builder;
	}

	@Override
	public void close() {
		this.dynamoDb.close();
		this.iam.close();
		this.lambda.close();
		this.logs.close();
		this.s3.close();
		this.sqs.close();
		this.kinesis.close();
		this.sts.close();
	}

}
