package dev.tributary.local.failure;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.util.Assert;

/**
 * Records a processor gave up on, with why and after how many attempts.
 *
 * @param processor the processor's name
 * @param table the table's physical name
 * @param streamArn the stream's ARN
 * @param shardId the shard
 * @param records the records, in sequence order, never empty
 * @param reason why they were given up on
 * @param errorType the class of the last error, or empty when the records expired unprocessed
 * @param errorMessage the last error's message, possibly empty
 * @param attempts how many times the processor was invoked with them
 * @author Tributary
 */
public record FailedBatch(String processor, String table, String streamArn, String shardId, List<Record> records,
		Reason reason, String errorType, String errorMessage, int attempts) {

	public FailedBatch {
		Assert.hasText(processor, "'processor' must not be empty");
		Assert.notEmpty(records, "'records' must not be empty");
		Assert.notNull(reason, "'reason' must not be null");
		records = List.copyOf(records);
	}

	/**
	 * Sequence number of the first record.
	 * @return the first sequence number
	 */
	public String firstSequenceNumber() {
		return this.records.get(0).dynamodb().sequenceNumber();
	}

	/**
	 * Sequence number of the last record.
	 * @return the last sequence number
	 */
	public String lastSequenceNumber() {
		return this.records.get(this.records.size() - 1).dynamodb().sequenceNumber();
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
