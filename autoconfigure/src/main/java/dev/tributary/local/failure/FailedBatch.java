package dev.tributary.local.failure;

import java.util.List;

import dev.tributary.local.stream.ShardRecordType;

import org.springframework.util.Assert;

/**
 * Records a processor gave up on, with why and after how many attempts.
 *
 * @param <R> the source's raw record type
 * @param processor the processor's name
 * @param source the physical name of what the processor reads (a table, a Kinesis stream)
 * @param streamArn the stream's ARN
 * @param shardId the shard
 * @param records the records, in sequence order, never empty
 * @param type what the records are, to write them as Lambda would
 * @param reason why they were given up on
 * @param errorType the class of the last error, or empty when the records expired unprocessed
 * @param errorMessage the last error's message, possibly empty
 * @param attempts how many times the processor was invoked with them
 * @author Tributary
 */
public record FailedBatch<R>(String processor, String source, String streamArn, String shardId, List<R> records,
		ShardRecordType<R> type, Reason reason, String errorType, String errorMessage, int attempts) {

	public FailedBatch {
		Assert.hasText(processor, "'processor' must not be empty");
		Assert.notEmpty(records, "'records' must not be empty");
		Assert.notNull(type, "'type' must not be null");
		Assert.notNull(reason, "'reason' must not be null");
		records = List.copyOf(records);
	}

	/**
	 * Sequence number of the first record.
	 * @return the first sequence number
	 */
	public String firstSequenceNumber() {
		return this.type.sequenceNumber(this.records.get(0));
	}

	/**
	 * Sequence number of the last record.
	 * @return the last sequence number
	 */
	public String lastSequenceNumber() {
		return this.type.sequenceNumber(this.records.get(this.records.size() - 1));
	}

	/**
	 * Why records are given up on, as Lambda's destination records name it.
	 */
	public enum Reason {

		/** The maximum retry attempts were used up. */
		RETRY_ATTEMPTS_EXHAUSTED,

		/** The records became older than the maximum record age. */
		RECORD_AGE_EXCEEDED

	}

}
