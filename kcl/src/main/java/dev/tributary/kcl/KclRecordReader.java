package dev.tributary.kcl;

import java.nio.ByteBuffer;

import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import dev.tributary.kinesis.KinesisDataRecord;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Turns the records KCL hands out into a source's raw records, the type the source's batch
 * invoker and record type take: the rest of the pipeline is the one the other runtimes use.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
@FunctionalInterface
interface KclRecordReader<R> {

	/**
	 * DynamoDB Streams through the adapter: its records carry the SDK's stream record.
	 */
	KclRecordReader<Record> DYNAMODB = (record, shardId, streamArn) -> {
		if (!(record instanceof DynamoDBStreamsClientRecord streamsRecord)) {
			throw new IllegalStateException("Expected a DynamoDB Streams record from the adapter, got "
					+ record.getClass().getName());
		}
		return streamsRecord.getRecord();
	};

	/**
	 * Kinesis: KCL has already de-aggregated KPL records, each user record keeping its aggregate's
	 * sequence number and its own sub-sequence number.
	 */
	KclRecordReader<KinesisDataRecord> KINESIS = (record, shardId, streamArn) -> {
		ByteBuffer data = record.data().asReadOnlyBuffer();
		byte[] bytes = new byte[data.remaining()];
		data.get(bytes);
		return new KinesisDataRecord(record.sequenceNumber(), record.subSequenceNumber(), record.partitionKey(),
				record.explicitHashKey(), record.approximateArrivalTimestamp(), bytes, shardId, streamArn);
	};

	/**
	 * Read one record.
	 * @param record the record as KCL hands it out
	 * @param shardId the shard it comes from
	 * @param streamArn the stream it comes from
	 * @return the source's raw record
	 */
	R read(KinesisClientRecord record, String shardId, String streamArn);

}
