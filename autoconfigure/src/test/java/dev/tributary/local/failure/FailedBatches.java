package dev.tributary.local.failure;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.tributary.dynamodb.local.DynamoDbShardRecordType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Failed batches for unit tests of the failure package.
 */
final class FailedBatches {

	static final String STREAM_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Items/stream/2026-01-01T00:00:00.000";

	private FailedBatches() {
	}

	/** A batch of records whose keys are {@code secret-key-i} and contents {@code content} each. */
	static FailedBatch<Record> of(int count, String content) {
		List<Record> records = IntStream.range(0, count)
			.mapToObj((i) -> Record.builder()
				.eventID("event-" + i)
				.eventName(OperationType.INSERT)
				.dynamodb((change) -> change.keys(Map.of("id", AttributeValue.fromS("secret-key-" + i)))
					.newImage(Map.of("id", AttributeValue.fromS("secret-key-" + i), "content",
							AttributeValue.fromS(content)))
					.sequenceNumber(String.valueOf((i + 1) * 100))
					.sizeBytes(42L))
				.build())
			.toList();
		return new FailedBatch<>("orders", "Items", STREAM_ARN, "shardId-0001", records,
				DynamoDbShardRecordType.INSTANCE, FailedBatch.Reason.RETRY_ATTEMPTS_EXHAUSTED, "java.lang.IllegalStateException",
				"cannot digest secret-key-0", 3);
	}

}
