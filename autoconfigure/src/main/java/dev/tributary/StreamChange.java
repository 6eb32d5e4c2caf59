package dev.tributary;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One DynamoDB stream change as {@link SqsFanOut#changesTo(String)} sends it to a queue, for the
 * queue's processors to read as {@code SqsMessage<StreamChange<T>>}. The body is JSON with the
 * item's attributes as plain JSON (strings, numbers, booleans, base64 for binary, objects and
 * arrays), not DynamoDB's typed form:
 * <pre class="code">
 * {"eventName":"INSERT","keys":{"id":"one"},"newImage":{"id":"one","content":"first"},
 *  "sequenceNumber":"4200000000000000000001","approximateCreationTime":"2026-12-02T10:15:30Z",
 *  "eventSourceArn":"arn:aws:dynamodb:eu-west-1:123456789012:table/Items/stream/..."}
 * </pre>
 * {@code oldImage} and {@code newImage} are left out when the stream's view type does not carry
 * them, or when there is none ({@code newImage} of a {@code REMOVE}).
 *
 * @param <T> the image type, mapped from the JSON with Jackson
 * @param eventName what happened to the item
 * @param keys the item's key attributes, as plain values
 * @param newImage the item after the change, or {@code null}
 * @param oldImage the item before the change, or {@code null}
 * @param sequenceNumber the change's sequence number in its shard
 * @param approximateCreationTime when the change was made, or {@code null} when not known
 * @param eventSourceArn the ARN of the table's stream, or {@code null} when not known
 * @author Tributary
 */
public record StreamChange<T>(EventName eventName, Map<String, Object> keys, @Nullable T newImage,
		@Nullable T oldImage, String sequenceNumber, @Nullable Instant approximateCreationTime,
		@Nullable String eventSourceArn) {

}
