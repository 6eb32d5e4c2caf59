package dev.tributary.sqs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.tributary.SqsMessageAttribute;
import dev.tributary.kinesis.LambdaEventException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SqsEventCodec}.
 */
class SqsEventCodecTests {

	private static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:orders.fifo";

	private final SqsEventCodec codec = new SqsEventCodec();

	@Test
	void writesMessagesAsLambdasEventAndReadsThemBackEqual() {
		List<SqsQueueMessage> messages = List.of(
				new SqsQueueMessage("m-1", "h-1", "{\"id\":\"o-1\"}",
						Map.of("ApproximateReceiveCount", "1", "MessageGroupId", "g", "MessageDeduplicationId", "d-1"),
						Map.of("origin", new SqsMessageAttribute("String", "web", null), "blob",
								new SqsMessageAttribute("Binary", null, new byte[] { 1, 2, 3 })),
						"md5", ARN, "eu-west-1"),
				new SqsQueueMessage("m-2", "h-2", "plain text \"quoted\" \u00e9", Map.of(), Map.of(), null, ARN, null));
		List<SqsQueueMessage> read = this.codec.read(this.codec.write(messages));
		assertThat(read).hasSize(2);
		assertThat(read.get(0)).usingRecursiveComparison().isEqualTo(messages.get(0));
		assertThat(read.get(1)).usingRecursiveComparison().isEqualTo(messages.get(1));
	}

	@Test
	void filtersSeeAJsonBodyAsJsonAndAnyOtherBodyAsItsText() {
		SqsQueueMessage json = new SqsQueueMessage("m-1", "h", "{\"type\":\"buy\"}", Map.of(), Map.of(), null, ARN, null);
		SqsQueueMessage text = new SqsQueueMessage("m-2", "h", "buy", Map.of(), Map.of(), null, ARN, null);
		assertThat(this.codec.toFilterView(json)).containsEntry("body", Map.of("type", "buy"));
		assertThat(this.codec.toFilterView(text)).containsEntry("body", "buy");
	}

	@Test
	void anEmptyRecordsArrayIsAnEmptyBatch() {
		assertThat(this.codec.read(utf8("{\"Records\":[]}"))).isEmpty();
	}

	@Test
	void aRecordWithoutAMessageIdFailsTheWholeEvent() {
		assertThatExceptionOfType(LambdaEventException.class)
			.isThrownBy(() -> this.codec.read(utf8("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"secret\"}]}")))
			.withMessage("Records[0] has no messageId")
			.withMessageNotContaining("secret");
	}

	@Test
	void anotherSourcesEventIsRefusedNamingItsSource() {
		assertThatExceptionOfType(LambdaEventException.class)
			.isThrownBy(() -> this.codec.read(utf8("{\"Records\":[{\"eventSource\":\"aws:kinesis\",\"kinesis\":{}}]}")))
			.withMessageContaining("Expected an SQS event")
			.withMessageContaining("aws:kinesis");
	}

	@Test
	void invalidJsonIsReportedByPositionWithoutItsContent() {
		assertThatExceptionOfType(LambdaEventException.class)
			.isThrownBy(() -> this.codec.read(utf8("{\"Records\":[{\"body\": secret-value")))
			.withMessageStartingWith("The event is not valid JSON (line 1")
			.withMessageNotContaining("secret");
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
