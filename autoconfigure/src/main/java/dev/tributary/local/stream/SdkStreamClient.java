package dev.tributary.local.stream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
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

	/**
	 * Create a client.
	 * @param client the SDK client; its lifecycle stays with the caller
	 */
	public SdkStreamClient(DynamoDbStreamsClient client) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
	}

	@Override
	public List<ShardInfo> listShards(String streamArn) {
		List<ShardInfo> shards = new ArrayList<>();
		String start = null;
		do {
			DescribeStreamRequest.Builder request = DescribeStreamRequest.builder().streamArn(streamArn);
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
		return this.client.getShardIterator((request) -> request.streamArn(streamArn)
			.shardId(shardId)
			.shardIteratorType(type)
			.sequenceNumber(sequenceNumber)).shardIterator();
	}

	@Override
	public ShardRecords getRecords(String shardIterator, int limit) {
		GetRecordsResponse response = this.client
			.getRecords((request) -> request.shardIterator(shardIterator).limit(limit));
		return new ShardRecords(response.records(), response.nextShardIterator());
	}

	@Override
	public Optional<String> latestStreamArn(String tableName) {
		try {
			// Stream labels are ISO-8601 times: the greatest is the newest.
			return this.client.listStreams((request) -> request.tableName(tableName))
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
