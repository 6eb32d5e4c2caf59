package dev.tributary.benchmarks.baseline.spring;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The body of a message on the sample app's {@code ItemChanges} queue (the JSON Tributary's
 * fan-out sends, docs/sqs.md section 5), as a plain handler would declare it: the same fields as
 * Tributary's {@code StreamChange<Item>}.
 *
 * @param eventName what happened to the item
 * @param keys the item's key attributes, as plain values
 * @param newImage the item after the change, or {@code null}
 * @param oldImage the item before the change, or {@code null}
 * @param sequenceNumber the change's sequence number in its shard
 * @param approximateCreationTime when the change was made, or {@code null}
 * @param eventSourceArn the ARN of the table's stream, or {@code null}
 * @author Tributary
 */
public record QueuedChange(EventName eventName, Map<String, Object> keys, @Nullable Item newImage,
		@Nullable Item oldImage, String sequenceNumber, @Nullable Instant approximateCreationTime,
		@Nullable String eventSourceArn) {

}
