package dev.tributary.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.tributary.RecordProcessingException;
import dev.tributary.SqsMessage;
import dev.tributary.lambda.SqsLambdaTestApplication.Shipment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Drives the real {@link FunctionInvoker}, as Lambda does, with an SQS processor bean named
 * {@code shipments}, bound by {@code @SqsQueueProcessor} and found by Tributary's discovery, and
 * SQS events written here. Lambda deletes every message a response does not name, so a failure
 * names the failed message and every message after it.
 */
class SqsFunctionInvokerIntegrationTests {

	private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:Shipments";

	private static final String SUCCESS = "{\"batchItemFailures\":[]}";

	private static LambdaInvocations lambda;

	@BeforeAll
	static void startFunctionInvoker() {
		lambda = LambdaInvocations.start(SqsLambdaTestApplication.class, "shipments");
	}

	@AfterAll
	static void forgetFunctionInvoker() {
		lambda = null;
	}

	@BeforeEach
	void resetProcessor() {
		SqsLambdaTestApplication.reset();
	}

	@Test
	void handsEachMessageWithItsBodyMappedToTheProcessorAndReportsSuccess() {
		assertThat(invoke(event(null, shipment("s-1", 1), shipment("s-2", 2)))).isEqualTo(SUCCESS);
		assertThat(SqsLambdaTestApplication.received).extracting(SqsMessage::payload)
			.containsExactly(new Shipment("s-1", 1), new Shipment("s-2", 2));
		SqsMessage<Shipment> first = SqsLambdaTestApplication.received.get(0);
		assertThat(first.messageId()).isEqualTo("m-0");
		assertThat(first.receiptHandle()).isEqualTo("handle-0");
		assertThat(first.body()).isEqualTo(shipment("s-1", 1));
		assertThat(first.receiveCount()).isEqualTo(2);
		assertThat(first.sentTime()).isEqualTo(Instant.ofEpochMilli(1_767_225_600_123L));
		assertThat(first.messageAttributes().get("origin").stringValue()).isEqualTo("warehouse-0");
		assertThat(first.eventSourceArn()).isEqualTo(QUEUE_ARN);
		assertThat(first.messageGroupId()).isNull();
	}

	@Test
	void aFailingMessageIsReportedWithEveryMessageAfterItAndNoneBefore() {
		SqsLambdaTestApplication.behaviour.set((messages) -> messages.concatMap((message) -> {
			if (message.payload().id().equals("s-2")) {
				return Mono.error(new RecordProcessingException(message, new IllegalStateException("no carrier")));
			}
			SqsLambdaTestApplication.received.add(message);
			return Mono.empty();
		}).then());
		String response = invoke(event(null, shipment("s-1", 1), shipment("s-2", 2), shipment("s-3", 3)));
		assertThat(response).isEqualTo(failuresOf("m-1", "m-2"));
		assertThat(SqsLambdaTestApplication.received).extracting(SqsMessage::messageId).containsExactly("m-0");
	}

	@Test
	void aBodyThatCannotBeMappedFailsThatMessageAndTheOnesAfterIt() {
		String response = invoke(event(null, shipment("s-1", 1), "not json", shipment("s-3", 3)));
		assertThat(response).isEqualTo(failuresOf("m-1", "m-2"));
		assertThat(SqsLambdaTestApplication.received).extracting(SqsMessage::messageId).containsExactly("m-0");
	}

	@Test
	void inAFifoQueueEveryMessageAfterAGroupsFirstFailureIsReported() {
		SqsLambdaTestApplication.behaviour.set((messages) -> messages.concatMap((message) -> {
			if (message.payload().id().equals("s-2")) {
				return Mono.error(new RecordProcessingException(message, new IllegalStateException("no carrier")));
			}
			SqsLambdaTestApplication.received.add(message);
			return Mono.empty();
		}).then());
		String response = invoke(event("group-a", shipment("s-1", 1), shipment("s-2", 2), shipment("s-3", 3)));
		assertThat(response).isEqualTo(failuresOf("m-1", "m-2"));
		assertThat(SqsLambdaTestApplication.received).singleElement()
			.satisfies((message) -> assertThat(message.messageGroupId()).isEqualTo("group-a"));
	}

	@Test
	void anyOtherFailureReportsEveryMessage() {
		SqsLambdaTestApplication.behaviour.set((messages) -> Mono.error(new IllegalStateException("down")));
		assertThat(invoke(event(null, shipment("s-1", 1), shipment("s-2", 2)))).isEqualTo(failuresOf("m-0", "m-1"));
	}

	@Test
	void aMessageWithoutABodyFailsTheInvocationSoThatNoMessageIsDeleted() {
		String event = event(null, shipment("s-1", 1)).replace("\"body\":", "\"notTheBody\":");
		Throwable failure = catchThrowable(() -> invoke(event));
		assertThat(failure).isInstanceOf(SqsQueueEventException.class)
			.hasMessageContaining("Processor 'shipments' reads an SQS queue and cannot take this event.")
			.hasMessageContaining("Records[0] has no body");
		assertThat(SqsLambdaTestApplication.received).isEmpty();
	}

	@Test
	void aDynamoDbEventSentToAnSqsProcessorFailsTheInvocationNamingTheProcessor() throws Exception {
		byte[] dynamoDbEvent = new ClassPathResource("events/insert-modify-remove.json").getContentAsByteArray();
		Throwable failure = catchThrowable(() -> invoke(new String(dynamoDbEvent, StandardCharsets.UTF_8)));
		assertThat(failure).isInstanceOf(SqsQueueEventException.class)
			.hasMessageStartingWith("Processor 'shipments' reads an SQS queue and cannot take this event. ")
			.hasMessageContaining("aws:dynamodb");
		assertThat(SqsLambdaTestApplication.received).isEmpty();
	}

	private static String shipment(String id, int parcels) {
		return "{\"id\":\"" + id + "\",\"parcels\":" + parcels + "}";
	}

	/** An SQS event as Lambda sends it, one message per body; a FIFO event when a group is given. */
	private static String event(String group, String... bodies) {
		StringBuilder records = new StringBuilder();
		for (int i = 0; i < bodies.length; i++) {
			String fifo = (group != null)
					? ",\"MessageGroupId\":\"" + group + "\",\"MessageDeduplicationId\":\"d-" + i + "\"" : "";
			records.append((i > 0) ? "," : "")
				.append("{\"messageId\":\"m-")
				.append(i)
				.append("\",\"receiptHandle\":\"handle-")
				.append(i)
				.append("\",\"body\":")
				.append(quoted(bodies[i]))
				.append(",\"attributes\":{\"ApproximateReceiveCount\":\"2\",\"SentTimestamp\":\"1767225600123\",")
				.append("\"SenderId\":\"AIDAEXAMPLE\",\"ApproximateFirstReceiveTimestamp\":\"1767225600200\"")
				.append(fifo)
				.append("},\"messageAttributes\":{\"origin\":{\"stringValue\":\"warehouse-")
				.append(i)
				.append("\",\"stringListValues\":[],\"binaryListValues\":[],\"dataType\":\"String\"}},")
				.append("\"md5OfBody\":\"e4e68fb7bd0e697a0ae8f1bb342846b3\",\"eventSource\":\"aws:sqs\",")
				.append("\"eventSourceARN\":\"")
				.append((group != null) ? QUEUE_ARN + ".fifo" : QUEUE_ARN)
				.append("\",\"awsRegion\":\"us-east-1\"}");
		}
		return "{\"Records\":[" + records + "]}";
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String failuresOf(String... messageIds) {
		StringBuilder json = new StringBuilder("{\"batchItemFailures\":[");
		for (int i = 0; i < messageIds.length; i++) {
			json.append((i > 0) ? "," : "").append("{\"itemIdentifier\":\"").append(messageIds[i]).append("\"}");
		}
		return json.append("]}").toString();
	}

	private static String invoke(String event) {
		return lambda.invoke(event.getBytes(StandardCharsets.UTF_8));
	}

}
