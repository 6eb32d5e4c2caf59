package dev.tributary.local.stream;

import java.util.List;
import java.util.Optional;

/**
 * The three calls the shard engine makes of a shard-based source (DynamoDB Streams, Kinesis),
 * in terms that do not name the source. Implementations translate the source's own errors:
 * an expired iterator to {@link ExpiredShardIteratorException}, a position older than the
 * retention to {@link ShardTrimmedException}, a stream or shard that is gone to
 * {@link StreamNotFoundException}, and throttling to {@link ShardThrottledException}; any other
 * exception is the engine's to retry.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
public interface ShardSource<R> {

	/**
	 * Every shard of a stream, parents before children.
	 * @param streamArn the stream
	 * @return the shards
	 */
	List<ShardInfo> listShards(String streamArn);

	/**
	 * Get an iterator for a shard.
	 * @param streamArn the stream
	 * @param shardId the shard
	 * @param position where to start
	 * @return the iterator
	 */
	String iterator(String streamArn, String shardId, ShardPosition position);

	/**
	 * Read records.
	 * @param streamArn the stream, which records carry
	 * @param shardId the shard, which records carry
	 * @param shardIterator the iterator
	 * @param limit the maximum number of records, 1 to the source's maximum
	 * @return the records and the next iterator
	 */
	ShardPage<R> read(String streamArn, String shardId, String shardIterator, int limit);

	/**
	 * Most records one read may ask for.
	 * @return the limit
	 */
	int maxRecordsPerRead();

	/**
	 * The stream that now stands for a source's stream that is gone or failing: a DynamoDB
	 * table re-created with a new stream has a new ARN. Sources whose stream ARN never changes
	 * keep the default.
	 * @param sourceName the physical name of what the processor reads (a table, a stream)
	 * @return the newest stream's ARN, empty when there is none or it cannot change
	 */
	default Optional<String> latestStreamArn(String sourceName) {
		return Optional.empty();
	}

}
