package dev.tributary.benchmarks.baseline.spring;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * B1: the sample app's processor as a plain Spring Cloud Function bean that takes the whole
 * DynamoDB Streams event, with no Tributary. It does the same work as the plain handler (B0):
 * maps both images to an {@link Item}, logs the sample app's line, reports the first failure.
 *
 * @author Tributary
 */
@SpringBootApplication(proxyBeanMethods = false)
public class SpringItemsApplication {

	private static final Log logger = LogFactory.getLog(SpringItemsApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(SpringItemsApplication.class, args);
	}

	@Bean
	public Function<DynamodbEvent, StreamsEventResponse> logItems() {
		return (event) -> {
			for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
				try {
					Item newImage = toItem(record.getDynamodb().getNewImage());
					Item oldImage = toItem(record.getDynamodb().getOldImage());
					String id = record.getDynamodb().getKeys().get("id").getS();
					logger.info(record.getEventName() + ": " + id + " -> "
							+ ((newImage != null) ? newImage.content() : "(deleted)"));
					if (oldImage != null && !Objects.equals(oldImage.id(), id)) {
						throw new IllegalStateException("Old image of another item");
					}
				}
				catch (RuntimeException ex) {
					return new StreamsEventResponse(List.of(StreamsEventResponse.BatchItemFailure.builder()
						.withItemIdentifier(record.getDynamodb().getSequenceNumber())
						.build()));
				}
			}
			return new StreamsEventResponse(List.of());
		};
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
