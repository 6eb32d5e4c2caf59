package dev.tributary.local.stream;

import java.util.List;

/**
 * The three calls the shard engine makes of a shard-based source (DynamoDB Streams, Kinesis),
 * in terms that do not name the source. Implementations translate the source's own errors:
 * an expired iterator to {@link ExpiredShardIteratorException}, and throttling to
 * {@link ShardThrottledException}; any other exception is the engine's to retry.
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

}
