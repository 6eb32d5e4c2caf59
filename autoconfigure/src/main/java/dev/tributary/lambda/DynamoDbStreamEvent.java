package dev.tributary.lambda;

import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.util.Assert;

/**
 * A DynamoDB Streams Lambda event: the batch of records, in sequence order, and the stream each
 * came from.
 *
 * @param records the records, as the AWS SDK models them
 * @param eventSourceArns the {@code eventSourceARN} of each record, at the same index
 * @author Tributary
 */
public record DynamoDbStreamEvent(List<Record> records, List<@Nullable String> eventSourceArns) {

	public DynamoDbStreamEvent {
		Assert.notNull(records, "'records' must not be null");
		Assert.notNull(eventSourceArns, "'eventSourceArns' must not be null");
		Assert.isTrue(records.size() == eventSourceArns.size(), "Every record needs an event source ARN entry");
	}

	/**
	 * The stream the batch came from. An event source mapping reads one shard of one stream, so
	 * every record of a batch has the same ARN.
	 * @return the first record's event source ARN, or {@code null} for an empty batch
	 */
	public @Nullable String eventSourceArn() {
		return this.eventSourceArns.isEmpty() ? null : this.eventSourceArns.get(0);
	}

}
