package dev.tributary;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One record of a Kinesis data stream, with its payload mapped to {@code T}.
 * <p>
 * Records that the Kinesis Producer Library aggregated are delivered one by one after
 * de-aggregation; they share the sequence number of the record they arrived in and differ in
 * {@link #subSequenceNumber()}. The sequence number is what a partial batch failure reports, so
 * a failed de-aggregated record retries its whole aggregate.
 *
 * @param <T> the type the payload is mapped to
 * @author Tributary
 */
public final class KinesisRecord<T> implements SourceRecord {

	private final T payload;

	private final byte[] data;

	private final String partitionKey;

	private final @Nullable String explicitHashKey;

	private final String sequenceNumber;

	private final long subSequenceNumber;

	private final @Nullable Instant approximateArrivalTime;

	private final String shardId;

	private final String eventSourceArn;

	private KinesisRecord(Builder<T> builder) {
		Assert.notNull(builder.payload, "'payload' must not be null");
		Assert.notNull(builder.data, "'data' must not be null");
		Assert.notNull(builder.partitionKey, "'partitionKey' must not be null");
		Assert.hasText(builder.sequenceNumber, "'sequenceNumber' must not be empty");
		this.payload = builder.payload;
		this.data = builder.data;
		this.partitionKey = builder.partitionKey;
		this.explicitHashKey = builder.explicitHashKey;
		this.sequenceNumber = builder.sequenceNumber;
		this.subSequenceNumber = builder.subSequenceNumber;
		this.approximateArrivalTime = builder.approximateArrivalTime;
		this.shardId = (builder.shardId != null) ? builder.shardId : "";
		this.eventSourceArn = (builder.eventSourceArn != null) ? builder.eventSourceArn : "";
	}

	/**
	 * The payload mapped to {@code T}.
	 * @return the payload
	 */
	public T payload() {
		return this.payload;
	}

	/**
	 * A copy of the payload's bytes, as they were put on the stream.
	 * @return the bytes
	 */
	public byte[] data() {
		return this.data.clone();
	}

	/**
	 * Partition key the producer gave: which shard the record went to, and the unit of order.
	 * @return the partition key
	 */
	public String partitionKey() {
		return this.partitionKey;
	}

	/**
	 * Explicit hash key of a de-aggregated record that had one.
	 * @return the explicit hash key, or {@code null}
	 */
	public @Nullable String explicitHashKey() {
		return this.explicitHashKey;
	}

	/**
	 * Sequence number of the record in its shard (of the aggregate, for a de-aggregated record).
	 * @return the sequence number
	 */
	public String sequenceNumber() {
		return this.sequenceNumber;
	}

	/**
	 * The sequence number, which Lambda expects back when this record fails (shared by the user
	 * records of one KPL aggregate).
	 * @return the sequence number
	 */
	@Override
	public String itemIdentifier() {
		return this.sequenceNumber;
	}

	/**
	 * The partition key: the records of one partition key are delivered in order.
	 * @return the partition key
	 */
	@Override
	public Object orderingKey() {
		return this.partitionKey;
	}

	/**
	 * Position inside its aggregate, {@code 0} for a record that was not aggregated.
	 * @return the sub-sequence number
	 */
	public long subSequenceNumber() {
		return this.subSequenceNumber;
	}

	/**
	 * When Kinesis accepted the record, to the millisecond.
	 * @return the arrival time, or {@code null} when the source did not say
	 */
	public @Nullable Instant approximateArrivalTime() {
		return this.approximateArrivalTime;
	}

	/**
	 * Shard the record was read from.
	 * @return the shard id, or an empty string when unknown
	 */
	public String shardId() {
		return this.shardId;
	}

	/**
	 * ARN of the stream the record was read from.
	 * @return the ARN, or an empty string when unknown
	 */
	public String eventSourceArn() {
		return this.eventSourceArn;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof KinesisRecord<?> that)) {
			return false;
		}
		return this.sequenceNumber.equals(that.sequenceNumber) && this.subSequenceNumber == that.subSequenceNumber
				&& this.shardId.equals(that.shardId) && this.eventSourceArn.equals(that.eventSourceArn);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.sequenceNumber, this.subSequenceNumber, this.shardId);
	}

	/**
	 * Shows where the record is, never its payload, which may hold personal data.
	 */
	@Override
	public String toString() {
		return "KinesisRecord[shardId=" + this.shardId + ", sequenceNumber=" + this.sequenceNumber
				+ ((this.subSequenceNumber != 0) ? "/" + this.subSequenceNumber : "") + ", " + this.data.length
				+ " bytes]";
	}

	/**
	 * Start building a record, for tests and for sources.
	 * @param <T> the payload type
	 * @return a builder
	 */
	public static <T> Builder<T> builder() {
		return new Builder<>();
	}

	/**
	 * Builds {@link KinesisRecord KinesisRecords}.
	 *
	 * @param <T> the payload type
	 */
	public static final class Builder<T> {

		private @Nullable T payload;

		private byte @Nullable [] data;

		private @Nullable String partitionKey;

		private @Nullable String explicitHashKey;

		private @Nullable String sequenceNumber;

		private long subSequenceNumber;

		private @Nullable Instant approximateArrivalTime;

		private @Nullable String shardId;

		private @Nullable String eventSourceArn;

		private Builder() {
		}

		/**
		 * Set the mapped payload and the bytes it was mapped from (not copied).
		 * @param payload the mapped payload
		 * @param data the raw bytes
		 * @return this builder
		 */
		public Builder<T> payload(T payload, byte[] data) {
			this.payload = payload;
			this.data = data;
			return this;
		}

		/**
		 * Set the partition key.
		 * @param partitionKey the partition key
		 * @return this builder
		 */
		public Builder<T> partitionKey(String partitionKey) {
			this.partitionKey = partitionKey;
			return this;
		}

		/**
		 * Set the explicit hash key.
		 * @param explicitHashKey the explicit hash key
		 * @return this builder
		 */
		public Builder<T> explicitHashKey(@Nullable String explicitHashKey) {
			this.explicitHashKey = explicitHashKey;
			return this;
		}

		/**
		 * Set the sequence number and the position inside an aggregate.
		 * @param sequenceNumber the sequence number
		 * @param subSequenceNumber the sub-sequence number, {@code 0} when not aggregated
		 * @return this builder
		 */
		public Builder<T> sequenceNumber(String sequenceNumber, long subSequenceNumber) {
			this.sequenceNumber = sequenceNumber;
			this.subSequenceNumber = subSequenceNumber;
			return this;
		}

		/**
		 * Set the arrival time.
		 * @param approximateArrivalTime the arrival time
		 * @return this builder
		 */
		public Builder<T> approximateArrivalTime(@Nullable Instant approximateArrivalTime) {
			this.approximateArrivalTime = approximateArrivalTime;
			return this;
		}

		/**
		 * Set the shard id.
		 * @param shardId the shard id
		 * @return this builder
		 */
		public Builder<T> shardId(@Nullable String shardId) {
			this.shardId = shardId;
			return this;
		}

		/**
		 * Set the stream's ARN.
		 * @param eventSourceArn the ARN
		 * @return this builder
		 */
		public Builder<T> eventSourceArn(@Nullable String eventSourceArn) {
			this.eventSourceArn = eventSourceArn;
			return this;
		}

		/**
		 * Build the record.
		 * @return the record
		 */
		public KinesisRecord<T> build() {
			return new KinesisRecord<>(this);
		}

	}

}
