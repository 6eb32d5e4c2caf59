package dev.tributary.dynamodb.local;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.tributary.dynamodb.local.ShardRecords;
import dev.tributary.dynamodb.local.StreamClient;
import dev.tributary.local.stream.ExpiredShardIteratorException;
import dev.tributary.local.stream.ShardInfo;
import dev.tributary.local.stream.ShardPage;
import dev.tributary.local.stream.ShardPosition;
import dev.tributary.local.stream.ShardSource;
import dev.tributary.local.stream.ShardThrottledException;
import dev.tributary.local.stream.ShardTrimmedException;
import dev.tributary.local.stream.StreamNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

import org.springframework.util.Assert;

/**
 * DynamoDB Streams as a shard source: the calls of a {@link StreamClient}, with DynamoDB's errors
 * turned into the shard engine's. A table's newest stream is where a reader carries on when the
 * stream it read is gone (an emulator restart, a re-created table).
 *
 * @author Tributary
 */
public final class DynamoDbShardSource implements ShardSource<Record> {

	/** Most records one GetRecords call of DynamoDB Streams returns. */
	public static final int MAX_RECORDS = 1000;

	private final StreamClient client;

	/**
	 * Create a source.
	 * @param client the DynamoDB Streams calls
	 */
	public DynamoDbShardSource(StreamClient client) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
	}

	@Override
	public List<ShardInfo> listShards(String streamArn) {
		return translated(() -> this.client.listShards(streamArn));
	}

	@Override
	public String iterator(String streamArn, String shardId, ShardPosition position) {
		Assert.isTrue(position.type() != ShardPosition.Type.AT_TIMESTAMP,
				"DynamoDB Streams have no AT_TIMESTAMP iterator");
		return translated(() -> this.client.getShardIterator(streamArn, shardId,
				ShardIteratorType.valueOf(position.type().name()), position.sequenceNumber()));
	}

	@Override
	public ShardPage<Record> read(String streamArn, String shardId, String shardIterator, int limit) {
		ShardRecords records = translated(() -> this.client.getRecords(shardIterator, limit));
		return new ShardPage<>(records.records(), records.nextShardIterator(), null);
	}

	@Override
	public int maxRecordsPerRead() {
		return MAX_RECORDS;
	}

	@Override
	public Optional<String> latestStreamArn(String tableName) {
		return this.client.latestStreamArn(tableName);
	}

	private static <T> T translated(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ExpiredIteratorException ex) {
			throw new ExpiredShardIteratorException(ex);
		}
		catch (TrimmedDataAccessException ex) {
			throw new ShardTrimmedException(ex);
		}
		catch (ResourceNotFoundException ex) {
			throw new StreamNotFoundException(ex);
		}
		catch (ProvisionedThroughputExceededException | LimitExceededException ex) {
			throw new ShardThrottledException(ex);
		}
	}

}
