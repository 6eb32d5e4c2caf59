package dev.tributary.benchmarks.baseline.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * B1 for SQS: the sample app's {@code logQueued} processor as a plain Spring Cloud Function bean
 * that takes the whole SQS event, with no Tributary. It does the same work as the plain handler
 * (B0): maps each body to a {@link QueuedChange}, logs the sample app's line, and when a message
 * fails reports it and every message after it by message id.
 *
 * @author Tributary
 */
@Configuration(proxyBeanMethods = false)
public class QueuedFunctionConfiguration {

	private static final Log logger = LogFactory.getLog(QueuedFunctionConfiguration.class);

	// Jackson 3 with unknown fields ignored: the mapper Tributary builds for a processor's body.
	private static final ObjectReader reader = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build()
		.readerFor(QueuedChange.class);

	@Bean
	public Function<SQSEvent, SQSBatchResponse> logQueued() {
		return (event) -> {
			List<SQSEvent.SQSMessage> messages = event.getRecords();
			for (int i = 0; i < messages.size(); i++) {
				try {
					QueuedChange change = reader.readValue(messages.get(i).getBody());
					Item item = change.newImage();
					logger.info("QUEUED: " + change.eventName() + " " + change.keys().get("id") + " -> "
							+ ((item != null) ? item.content() : "(deleted)"));
				}
				catch (RuntimeException ex) {
					return new SQSBatchResponse(failuresFrom(messages, i));
				}
			}
			return new SQSBatchResponse(List.of());
		};
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
