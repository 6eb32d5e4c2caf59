package dev.tributary.dynamodb.local;

import java.time.Instant;
import java.util.Map;

import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.local.stream.ShardRecordType;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * DynamoDB stream records for the shard engine: positioned by their sequence number, aged by
 * their approximate creation time, and shown to filters and failure destinations as Lambda's
 * DynamoDB event shows them (filter patterns match {@code dynamodb.Keys}, {@code eventName} and
 * the rest of the record).
 *
 * @author Tributary
 */
public final class DynamoDbShardRecordType implements ShardRecordType<Record> {

	/** The one instance. */
	public static final DynamoDbShardRecordType INSTANCE = new DynamoDbShardRecordType();

	private static final DynamoDbEventCodec codec = new DynamoDbEventCodec();

	private DynamoDbShardRecordType() {
	}

	@Override
	public String sequenceNumber(Record record) {
		return record.dynamodb().sequenceNumber();
	}

	@Override
	public @Nullable Instant approximateCreationTime(Record record) {
		return record.dynamodb().approximateCreationDateTime();
	}

	@Override
	public Map<String, Object> toFilterView(Record record, String streamArn) {
		return codec.toLambdaRecord(record, streamArn);
	}

	@Override
	public Map<String, Object> toLambdaRecord(Record record, String streamArn) {
		return codec.toLambdaRecord(record, streamArn);
	}

	@Override
	public String batchInfoName() {
		return "DDBStreamBatchInfo";
	}

	@Override
	public String sourceKind() {
		return "table";
	}

}
