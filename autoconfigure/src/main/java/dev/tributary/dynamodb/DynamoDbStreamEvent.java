package dev.tributary.dynamodb;

import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.util.Assert;

/**
 * A DynamoDB Streams Lambda event: the well-formed records before the first malformed one, in
 * sequence order, the stream each came from, and that malformed record, if any.
 * <p>
 * Lambda checkpoints before a reported record and retries from it, so reporting the malformed
 * record by its own sequence number retries it and everything after it: the records before it
 * are processed once, and nothing is lost.
 *
 * @param records the records, as the AWS SDK models them
 * @param eventSourceArns the {@code eventSourceARN} of each record, at the same index
 * @param malformed the first malformed record, or {@code null} when every record is well formed
 * @author Tributary
 */
public record DynamoDbStreamEvent(List<Record> records, List<@Nullable String> eventSourceArns,
		@Nullable MalformedRecord malformed) {

	public DynamoDbStreamEvent {
		Assert.notNull(records, "'records' must not be null");
		Assert.notNull(eventSourceArns, "'eventSourceArns' must not be null");
		Assert.isTrue(records.size() == eventSourceArns.size(), "Every record needs an event source ARN entry");
	}

	/**
	 * Create an event whose records are all well formed.
	 * @param records the records
	 * @param eventSourceArns the {@code eventSourceARN} of each record, at the same index
	 */
	public DynamoDbStreamEvent(List<Record> records, List<@Nullable String> eventSourceArns) {
		this(records, eventSourceArns, null);
	}

	/**
	 * The stream the batch came from. An event source mapping reads one shard of one stream, so
	 * every record of a batch has the same ARN.
	 * @return the first record's event source ARN, or {@code null} for an empty batch
	 */
	public @Nullable String eventSourceArn() {
		return this.eventSourceArns.isEmpty() ? null : this.eventSourceArns.get(0);
	}

	/**
	 * A record of the event that cannot be handed to a processor, known by its sequence number.
	 *
	 * @param index its position in the event's {@code Records}
	 * @param sequenceNumber its {@code dynamodb.SequenceNumber}, reported as the batch item failure
	 * @param eventId its {@code eventID}, or {@code null} when it has none
	 * @param reason what is wrong with it: field paths and shapes, never values
	 */
	public record MalformedRecord(int index, String sequenceNumber, @Nullable String eventId, String reason) {

		public MalformedRecord {
			Assert.hasText(sequenceNumber, "'sequenceNumber' must not be empty");
			Assert.hasText(reason, "'reason' must not be empty");
		}

	}

}
