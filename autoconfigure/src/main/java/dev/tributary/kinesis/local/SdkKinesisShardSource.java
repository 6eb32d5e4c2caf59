package dev.tributary.kinesis.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.tributary.kinesis.KinesisDataRecord;
import dev.tributary.kinesis.KplDeaggregator;
import dev.tributary.local.metrics.SdkRetryMetrics;
import dev.tributary.local.stream.ExpiredShardIteratorException;
import dev.tributary.local.stream.ShardInfo;
import dev.tributary.local.stream.ShardPage;
import dev.tributary.local.stream.ShardPosition;
import dev.tributary.local.stream.ShardSource;
import dev.tributary.local.stream.ShardThrottledException;
import dev.tributary.local.stream.StreamNotFoundException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.KmsThrottlingException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

import org.springframework.util.Assert;

/**
 * Reads Kinesis shards with the AWS SDK: ListShards (every page) for the shards and their
 * parents, GetShardIterator for every kind of position, GetRecords for records, which come back
 * de-aggregated. The SDK's throttling, expiry and not-found errors become the shard engine's.
 * Kinesis has no trimmed-data error: an iterator after a trimmed record starts at the oldest
 * record kept.
 *
 * @author Tributary
 */
public final class SdkKinesisShardSource implements ShardSource<KinesisDataRecord> {

	/** Most records one GetRecords call returns. */
	public static final int MAX_RECORDS = 10_000;

	private final KinesisClient client;

	private final KplDeaggregator deaggregator = new KplDeaggregator();

	/** Tells the publisher, if any, of each call: its attempts and retries. */
	private final Consumer<AwsRequestOverrideConfiguration.Builder> published;

	/**
	 * Create a source.
	 * @param client the SDK client
	 */
	public SdkKinesisShardSource(KinesisClient client) {
		this(client, null);
	}

	/**
	 * Create a source that reports what the SDK measures about each call.
	 * @param client the SDK client; its lifecycle stays with the caller
	 * @param publisher told about each call (its attempts and retries), or {@code null}
	 */
	public SdkKinesisShardSource(KinesisClient client, @Nullable MetricPublisher publisher) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
		this.published = SdkRetryMetrics.publishedTo(publisher);
	}


	@Override
	public List<ShardInfo> listShards(String streamArn) {
		Assert.hasText(streamArn, "'streamArn' must not be empty");
		List<ShardInfo> shards = new ArrayList<>();
		String next = null;
		do {
			ListShardsRequest request = ((next != null) ? ListShardsRequest.builder().nextToken(next)
					: ListShardsRequest.builder().streamARN(streamArn)).overrideConfiguration(this.published).build();
			ListShardsResponse response = throttled(() -> this.client.listShards(request));
			for (Shard shard : response.shards()) {
				String ending = (shard.sequenceNumberRange() != null)
						? shard.sequenceNumberRange().endingSequenceNumber() : null;
				shards.add(new ShardInfo(shard.shardId(), shard.parentShardId(), shard.adjacentParentShardId(),
						ending));
			}
			next = response.nextToken();
		}
		while (next != null);
		return shards;
	}

	@Override
	public String iterator(String streamArn, String shardId, ShardPosition position) {
		Assert.notNull(position, "'position' must not be null");
		return throttled(() -> this.client.getShardIterator((request) -> request.overrideConfiguration(this.published)
			.streamARN(streamArn)
			.shardId(shardId)
			.shardIteratorType(ShardIteratorType.valueOf(position.type().name()))
			.startingSequenceNumber(position.sequenceNumber())
			.timestamp(position.timestamp()))).shardIterator();
	}

	@Override
	public ShardPage<KinesisDataRecord> read(String streamArn, String shardId, String shardIterator, int limit) {
		Assert.isTrue(limit > 0 && limit <= MAX_RECORDS, () -> "'limit' must be 1 to " + MAX_RECORDS);
		GetRecordsResponse response;
		try {
			response = throttled(() -> this.client
				.getRecords((request) -> request.overrideConfiguration(this.published)
					.streamARN(streamArn)
					.shardIterator(shardIterator)
					.limit(limit)));
		}
		catch (ExpiredIteratorException ex) {
			throw new ExpiredShardIteratorException(ex);
		}
		List<KinesisDataRecord> records = new ArrayList<>(response.records().size());
		for (Record record : response.records()) {
			records.add(new KinesisDataRecord(record.sequenceNumber(), 0, record.partitionKey(), null,
					record.approximateArrivalTimestamp(), record.data().asByteArray(), shardId, streamArn));
		}
		Duration behind = (response.millisBehindLatest() != null) ? Duration.ofMillis(response.millisBehindLatest())
				: null;
		return new ShardPage<>(this.deaggregator.deaggregate(records), response.nextShardIterator(), behind);
	}

	@Override
	public int maxRecordsPerRead() {
		return MAX_RECORDS;
	}

	private static <T> T throttled(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ProvisionedThroughputExceededException | LimitExceededException | KmsThrottlingException ex) {
			throw new ShardThrottledException(ex);
		}
		catch (ResourceNotFoundException ex) {
			throw new StreamNotFoundException(ex);
		}
	}

}
