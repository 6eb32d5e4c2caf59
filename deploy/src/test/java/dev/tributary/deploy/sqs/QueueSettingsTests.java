package dev.tributary.deploy.sqs;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link QueueSettings}.
 *
 * @author Tributary
 */
class QueueSettingsTests {

	private static final String DLQ = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq";

	@Test
	void aRedrivePolicyReturnedWithItsCountAsAStringOrInAnotherOrderIsNotAChange() {
		QueueSettings desired = new QueueSettings(false, Duration.ofSeconds(180), DLQ, 3);

		assertThat(desired.changes(Map.of("VisibilityTimeout", "180", "RedrivePolicy",
				"{\"maxReceiveCount\":\"3\",\"deadLetterTargetArn\":\"" + DLQ + "\"}")))
			.isEmpty();
	}

	@Test
	void aChangedCountOrTargetIsAChangeAndIsSetAsAWholePolicy() {
		QueueSettings desired = new QueueSettings(false, Duration.ofSeconds(180), DLQ, 3);
		Map<String, String> current = Map.of("VisibilityTimeout", "180", "RedrivePolicy",
				"{\"deadLetterTargetArn\":\"" + DLQ + "\",\"maxReceiveCount\":5}");

		assertThat(desired.changes(current)).extracting(Object::toString)
			.containsExactly("RedrivePolicy: {\"deadLetterTargetArn\":\"" + DLQ + "\",\"maxReceiveCount\":5} -> "
					+ "{\"deadLetterTargetArn\":\"" + DLQ + "\",\"maxReceiveCount\":3}");
		assertThat(desired.updates(current))
			.containsExactly(Map.entry("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + DLQ + "\",\"maxReceiveCount\":3}"));
	}

	@Test
	void noDeadLetterQueueRemovesAPolicyWithAnEmptyValue() {
		QueueSettings desired = new QueueSettings(false, Duration.ofSeconds(60), null, 5);

		assertThat(desired.updates(Map.of("VisibilityTimeout", "30", "RedrivePolicy",
				"{\"deadLetterTargetArn\":\"" + DLQ + "\",\"maxReceiveCount\":5}")))
			.containsExactly(Map.entry("VisibilityTimeout", "60"), Map.entry("RedrivePolicy", ""));
	}

	@Test
	void onlyAFifoQueueIsCreatedWithTheFifoAttribute() {
		assertThat(new QueueSettings(true, Duration.ofSeconds(30), null, 5).forCreate())
			.containsExactly(Map.entry("FifoQueue", "true"), Map.entry("VisibilityTimeout", "30"));
		assertThat(new QueueSettings(false, Duration.ofSeconds(30), null, 5).forCreate())
			.containsExactly(Map.entry("VisibilityTimeout", "30"));
	}

}
