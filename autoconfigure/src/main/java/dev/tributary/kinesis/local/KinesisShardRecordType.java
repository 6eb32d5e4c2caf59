package dev.tributary.kinesis.local;

import java.time.Instant;
import java.util.Map;

import dev.tributary.kinesis.KinesisDataRecord;
import dev.tributary.kinesis.KinesisEventCodec;
import dev.tributary.local.stream.ShardRecordType;
import org.jspecify.annotations.Nullable;

/**
 * Kinesis records for the shard engine: positioned by their sequence number (records
 * de-aggregated from one KPL record share it, as Lambda checkpoints them), aged by their
 * approximate arrival time, shown to filters under the {@code data} key only (as Lambda filters
 * Kinesis records) and to failure destinations as Lambda's Kinesis event shows them.
 *
 * @author Tributary
 */
public final class KinesisShardRecordType implements ShardRecordType<KinesisDataRecord> {

	/** The one instance. */
	public static final KinesisShardRecordType INSTANCE = new KinesisShardRecordType();

	private static final KinesisEventCodec codec = new KinesisEventCodec();

	private KinesisShardRecordType() {
	}

	@Override
	public String sequenceNumber(KinesisDataRecord record) {
		return record.sequenceNumber();
	}

	@Override
	public @Nullable Instant approximateCreationTime(KinesisDataRecord record) {
		return record.approximateArrivalTimestamp();
	}

	@Override
	public Map<String, Object> toFilterView(KinesisDataRecord record, String streamArn) {
		return codec.toFilterView(record);
	}

	@Override
	public Map<String, Object> toLambdaRecord(KinesisDataRecord record, String streamArn) {
		return codec.toLambdaRecord(record, region(streamArn));
	}

	@Override
	public String batchInfoName() {
		return "KinesisBatchInfo";
	}

	@Override
	public String sourceKind() {
		return "stream";
	}

	private static @Nullable String region(String streamArn) {
		String[] parts = streamArn.split(":", 6);
		return (parts.length == 6 && !parts[3].isEmpty()) ? parts[3] : null;
	}

}
