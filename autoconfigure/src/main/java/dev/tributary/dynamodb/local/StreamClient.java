package dev.tributary.dynamodb.local;

import java.util.List;
import java.util.Optional;

import dev.tributary.local.stream.ShardInfo;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * The three DynamoDB Streams calls the local runtime makes. Failures are the SDK's own
 * exceptions, so an implementation backed by the SDK passes them through unchanged:
 * {@link ExpiredIteratorException}, {@link TrimmedDataAccessException},
 * {@link LimitExceededException} and
 * {@link software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException}.
 *
 * @author Tributary
 * @see SdkStreamClient
 */
public interface StreamClient {

	/**
	 * Every shard of a stream, parents before children (DescribeStream, all pages).
	 * @param streamArn the stream
	 * @return the shards
	 */
	List<ShardInfo> listShards(String streamArn);

	/**
	 * Get an iterator for a shard.
	 * @param streamArn the stream
	 * @param shardId the shard
	 * @param type where to start
	 * @param sequenceNumber the sequence number for {@code AT_SEQUENCE_NUMBER} and
	 * {@code AFTER_SEQUENCE_NUMBER}, else {@code null}
	 * @return the iterator
	 * @throws TrimmedDataAccessException if the sequence number is older than the retention window
	 */
	String getShardIterator(String streamArn, String shardId, ShardIteratorType type, @Nullable String sequenceNumber);

	/**
	 * Read records.
	 * @param shardIterator the iterator
	 * @param limit the maximum number of records, 1 to 1000
	 * @return the records and the next iterator
	 * @throws ExpiredIteratorException if the iterator is older than 15 minutes
	 */
	ShardRecords getRecords(String shardIterator, int limit);

	/**
	 * The newest stream of a table, to carry on with when the stream read is gone (after an
	 * emulator restart, or when the table was re-created).
	 * @param tableName the table
	 * @return the stream's ARN, empty when the table has no stream or does not exist
	 */
	Optional<String> latestStreamArn(String tableName);

}
