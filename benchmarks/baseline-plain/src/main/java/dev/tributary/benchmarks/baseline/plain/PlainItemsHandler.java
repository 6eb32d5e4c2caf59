package dev.tributary.benchmarks.baseline.plain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.jspecify.annotations.Nullable;

/**
 * B0: the sample app's processor written as a plain Lambda handler, with no framework. It maps
 * both images of every record to an {@link Item}, logs the same line as the sample app and
 * reports the first failed record, which is the work Tributary does for the sample app.
 *
 * @author Tributary
 */
public class PlainItemsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

	@Override
	public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
		LambdaLogger logger = context.getLogger();
		for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
			try {
				Item newImage = toItem(record.getDynamodb().getNewImage());
				Item oldImage = toItem(record.getDynamodb().getOldImage());
				String id = record.getDynamodb().getKeys().get("id").getS();
				// Built whether or not INFO is enabled, like the sample app's log line.
				String line = record.getEventName() + ": " + id + " -> "
						+ ((newImage != null) ? newImage.content() : "(deleted)");
				logger.log(line, LogLevel.INFO);
				if (oldImage != null && !Objects.equals(oldImage.id(), id)) {
					throw new IllegalStateException("Old image of another item");
				}
			}
			catch (RuntimeException ex) {
				// Stream semantics: retry from the first record that failed.
				return new StreamsEventResponse(List.of(StreamsEventResponse.BatchItemFailure.builder()
					.withItemIdentifier(record.getDynamodb().getSequenceNumber())
					.build()));
			}
		}
		return new StreamsEventResponse(List.of());
	}

	private static @Nullable Item toItem(@Nullable Map<String, AttributeValue> image) {
		if (image == null || image.isEmpty()) {
			return null;
		}
		return new Item(string(image, "id"), string(image, "content"));
	}

	private static @Nullable String string(Map<String, AttributeValue> image, String name) {
		AttributeValue value = image.get(name);
		return (value != null) ? value.getS() : null;
	}

}
