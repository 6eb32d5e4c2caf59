package dev.tributary.dynamodb.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.tributary.local.metrics.SdkRetryMetrics;
import dev.tributary.local.stream.ShardInfo;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import org.springframework.util.Assert;

/**
 * {@link StreamClient} backed by the AWS SDK's {@link DynamoDbStreamsClient}.
 *
 * @author Tributary
 */
public final class SdkStreamClient implements StreamClient {

	private final DynamoDbStreamsClient client;

	/** Tells the publisher, if any, of each call: its attempts and retries. */
	private final Consumer<AwsRequestOverrideConfiguration.Builder> published;

	/**
	 * Create a client.
	 * @param client the SDK client; its lifecycle stays with the caller
	 */
	public SdkStreamClient(DynamoDbStreamsClient client) {
		this(client, null);
	}

	/**
	 * Create a client that reports what the SDK measures about each call.
	 * @param client the SDK client; its lifecycle stays with the caller
	 * @param publisher told about each call (its attempts and retries), or {@code null}
	 */
	public SdkStreamClient(DynamoDbStreamsClient client, @Nullable MetricPublisher publisher) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
		this.published = SdkRetryMetrics.publishedTo(publisher);
	}


	@Override
	public List<ShardInfo> listShards(String streamArn) {
		List<ShardInfo> shards = new ArrayList<>();
		String start = null;
		do {
			DescribeStreamRequest.Builder request = DescribeStreamRequest.builder()
				.streamArn(streamArn)
				.overrideConfiguration(this.published);
			if (start != null) {
				request.exclusiveStartShardId(start);
			}
			StreamDescription description = this.client.describeStream(request.build()).streamDescription();
			for (Shard shard : description.shards()) {
				String ending = (shard.sequenceNumberRange() != null)
						? shard.sequenceNumberRange().endingSequenceNumber() : null;
				shards.add(new ShardInfo(shard.shardId(), shard.parentShardId(), ending));
			}
			start = description.lastEvaluatedShardId();
		}
		while (start != null);
		return shards;
	}

	@Override
	public String getShardIterator(String streamArn, String shardId, ShardIteratorType type,
			@Nullable String sequenceNumber) {
		return this.client.getShardIterator((request) -> request.overrideConfiguration(this.published)
			.streamArn(streamArn)
			.shardId(shardId)
			.shardIteratorType(type)
			.sequenceNumber(sequenceNumber)).shardIterator();
	}

	@Override
	public ShardRecords getRecords(String shardIterator, int limit) {
		GetRecordsResponse response = this.client
			.getRecords((request) -> request.overrideConfiguration(this.published).shardIterator(shardIterator).limit(limit));
		return new ShardRecords(response.records(), response.nextShardIterator());
	}

	@Override
	public Optional<String> latestStreamArn(String tableName) {
		try {
			// Stream labels are ISO-8601 times: the greatest is the newest.
			return this.client.listStreams((request) -> request.overrideConfiguration(this.published).tableName(tableName))
				.streams()
				.stream()
				.max(Comparator.comparing(Stream::streamLabel))
				.map(Stream::streamArn);
		}
		catch (ResourceNotFoundException ex) {
			return Optional.empty();
		}
	}

}
