package dev.tributary.kinesis;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A Kinesis record as a source delivers it, before its payload is mapped: what the Lambda event
 * codec reads and the local reader gets from {@code GetRecords}. The data array is shared, not
 * copied: this type stays inside Tributary, and {@code KinesisRecord#data()} hands out copies.
 *
 * @param sequenceNumber the sequence number in its shard
 * @param subSequenceNumber the position inside a KPL aggregate, {@code 0} when not aggregated
 * @param partitionKey the partition key
 * @param explicitHashKey the explicit hash key of a de-aggregated record, if it had one
 * @param approximateArrivalTimestamp when Kinesis accepted it, if known
 * @param data the payload's bytes
 * @param shardId the shard it was read from, if known
 * @param eventSourceArn the stream's ARN, if known
 * @author Tributary
 */
public record KinesisDataRecord(String sequenceNumber, long subSequenceNumber, String partitionKey,
		@Nullable String explicitHashKey, @Nullable Instant approximateArrivalTimestamp, byte[] data,
		@Nullable String shardId, @Nullable String eventSourceArn) {

	public KinesisDataRecord {
		Assert.hasText(sequenceNumber, "'sequenceNumber' must not be empty");
		Assert.notNull(partitionKey, "'partitionKey' must not be null");
		Assert.notNull(data, "'data' must not be null");
	}

	/**
	 * The same record with other data and position inside an aggregate, for de-aggregation.
	 * @param subSequenceNumber the position inside the aggregate
	 * @param partitionKey the user record's partition key
	 * @param explicitHashKey the user record's explicit hash key
	 * @param data the user record's bytes
	 * @return the user record
	 */
	KinesisDataRecord withUserRecord(long subSequenceNumber, String partitionKey, @Nullable String explicitHashKey,
			byte[] data) {
		return new KinesisDataRecord(this.sequenceNumber, subSequenceNumber, partitionKey, explicitHashKey,
				this.approximateArrivalTimestamp, data, this.shardId, this.eventSourceArn);
	}

	@Override
	public String toString() {
		return "KinesisDataRecord[shardId=" + this.shardId + ", sequenceNumber=" + this.sequenceNumber + "/"
				+ this.subSequenceNumber + ", " + this.data.length + " bytes]";
	}

}
