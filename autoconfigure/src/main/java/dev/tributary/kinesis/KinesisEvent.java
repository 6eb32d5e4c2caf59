package dev.tributary.kinesis;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A Kinesis event as Lambda delivers it, read by the {@link KinesisEventCodec}: the records
 * before the first malformed one, and that record, if any. Lambda checkpoints before a reported
 * record, so reporting the malformed record retries it and everything after it, and loses
 * nothing.
 *
 * @param records the well-formed records before the first malformed one, in order
 * @param malformed the first malformed record, or {@code null} when every record is well formed
 * @author Tributary
 */
public record KinesisEvent(List<KinesisDataRecord> records, @Nullable MalformedRecord malformed) {

	public KinesisEvent {
		Assert.notNull(records, "'records' must not be null");
	}

	/**
	 * A record of the event that cannot be read, known by its sequence number.
	 *
	 * @param index its position in the event's {@code Records}
	 * @param sequenceNumber its sequence number, reported as the batch item failure
	 * @param reason what is wrong with it (field names, never values)
	 */
	public record MalformedRecord(int index, String sequenceNumber, String reason) {

		public MalformedRecord {
			Assert.hasText(sequenceNumber, "'sequenceNumber' must not be empty");
			Assert.hasText(reason, "'reason' must not be empty");
		}

	}

}
