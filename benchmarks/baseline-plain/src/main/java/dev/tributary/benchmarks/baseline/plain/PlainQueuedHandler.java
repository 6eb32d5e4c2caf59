package dev.tributary.benchmarks.baseline.plain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.DeserializationFeature;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.ObjectReader;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.json.JsonMapper;
import com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/**
 * B0 for SQS: the sample app's {@code logQueued} processor written as a plain Lambda handler,
 * with no framework. It maps every message's body (the fan-out's JSON) to a
 * {@link QueuedChange}, logs the same line as the sample app and, when a message fails, reports
 * it and every message after it by message id, as Tributary does (Lambda deletes the messages a
 * response does not name, and the loop stops at the first failure).
 *
 * @author Tributary
 */
public class PlainQueuedHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

	// The zip's only JSON mapper: the Jackson 2 that aws-lambda-java-serialization carries
	// (shaded), which deserialized the event already. Unknown fields are ignored, as in Tributary.
	private static final ObjectReader reader = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build()
		.readerFor(QueuedChange.class);

	@Override
	public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
		LambdaLogger logger = context.getLogger();
		List<SQSEvent.SQSMessage> messages = event.getRecords();
		for (int i = 0; i < messages.size(); i++) {
			try {
				QueuedChange change = reader.readValue(messages.get(i).getBody());
				Item item = change.newImage();
				// Built whether or not INFO is enabled, like the sample app's log line.
				String line = "QUEUED: " + change.eventName() + " " + change.keys().get("id") + " -> "
						+ ((item != null) ? item.content() : "(deleted)");
				logger.log(line, LogLevel.INFO);
			}
			catch (IOException | RuntimeException ex) {
				return new SQSBatchResponse(failuresFrom(messages, i));
			}
		}
		return new SQSBatchResponse(List.of());
	}

	private static List<SQSBatchResponse.BatchItemFailure> failuresFrom(List<SQSEvent.SQSMessage> messages,
			int first) {
		List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>(messages.size() - first);
		for (int i = first; i < messages.size(); i++) {
			failures.add(new SQSBatchResponse.BatchItemFailure(messages.get(i).getMessageId()));
		}
		return failures;
	}

}
