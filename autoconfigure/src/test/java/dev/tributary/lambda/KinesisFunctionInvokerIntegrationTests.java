package dev.tributary.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import dev.tributary.KinesisRecord;
import dev.tributary.RecordProcessingException;
import dev.tributary.lambda.KinesisLambdaTestApplication.Order;
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
 * Drives the real {@link FunctionInvoker}, as Lambda does, with a Kinesis processor bean named
 * {@code orders}, bound by {@code @KinesisStreamProcessor} and found by Tributary's discovery,
 * and Kinesis events written here with base64 data.
 */
class KinesisFunctionInvokerIntegrationTests {

	private static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/Orders";

	private static final String[] SEQUENCE_NUMBERS = { "49590338271490256608559692538361571095921575989136588801",
			"49590338271490256608559692538361571095921575989136588802",
			"49590338271490256608559692538361571095921575989136588803" };

	private static final String SUCCESS = "{\"batchItemFailures\":[]}";

	private static LambdaInvocations lambda;

	@BeforeAll
	static void startFunctionInvoker() {
		lambda = LambdaInvocations.start(KinesisLambdaTestApplication.class, "orders");
	}

	@AfterAll
	static void forgetFunctionInvoker() {
		lambda = null;
	}

	@BeforeEach
	void resetProcessor() {
		KinesisLambdaTestApplication.reset();
	}

	@Test
	void handsEachRecordWithItsPayloadMappedToTheProcessorAndReportsSuccess() throws IOException {
		String event = event(order("o-1", 3), order("o-2", 5), order("o-3", 8));
		assertThat(invoke(event)).isEqualTo(SUCCESS);
		List<KinesisRecord<Order>> received = KinesisLambdaTestApplication.received;
		assertThat(received).extracting(KinesisRecord::payload)
			.containsExactly(new Order("o-1", 3), new Order("o-2", 5), new Order("o-3", 8));
		KinesisRecord<Order> first = received.get(0);
		assertThat(first.sequenceNumber()).isEqualTo(SEQUENCE_NUMBERS[0]);
		assertThat(first.partitionKey()).isEqualTo("key-0");
		assertThat(first.shardId()).isEqualTo("shardId-000000000000");
		assertThat(first.eventSourceArn()).isEqualTo(STREAM_ARN);
		assertThat(first.approximateArrivalTime()).isEqualTo(Instant.ofEpochMilli(1_767_225_600_123L));
		assertThat(new String(first.data(), StandardCharsets.UTF_8)).isEqualTo(order("o-1", 3));
	}

	@Test
	void aFailingRecordIsReportedByItsSequenceNumber() throws IOException {
		KinesisLambdaTestApplication.behaviour.set((records) -> records.concatMap((record) -> {
			if (record.payload().id().equals("o-2")) {
				return Mono.error(new RecordProcessingException(record, new IllegalStateException("out of stock")));
			}
			KinesisLambdaTestApplication.received.add(record);
			return Mono.empty();
		}).then());
		String event = event(order("o-1", 3), order("o-2", 5), order("o-3", 8));
		assertThat(invoke(event)).isEqualTo(failureOf(SEQUENCE_NUMBERS[1]));
		assertThat(KinesisLambdaTestApplication.received).extracting(KinesisRecord::sequenceNumber)
			.containsExactly(SEQUENCE_NUMBERS[0]);
	}

	@Test
	void anyOtherFailureIsReportedAtTheFirstRecord() throws IOException {
		KinesisLambdaTestApplication.behaviour.set((records) -> Mono.error(new IllegalStateException("down")));
		assertThat(invoke(event(order("o-1", 3), order("o-2", 5)))).isEqualTo(failureOf(SEQUENCE_NUMBERS[0]));
	}

	@Test
	void aPayloadThatCannotBeMappedIsReportedAsThatRecordAfterTheRecordsBeforeIt() throws IOException {
		String event = event(order("o-1", 3), "{\"id\": \"o-2\", \"quantity\": \"many\"}", order("o-3", 8));
		assertThat(invoke(event)).isEqualTo(failureOf(SEQUENCE_NUMBERS[1]));
		assertThat(KinesisLambdaTestApplication.received).extracting(KinesisRecord::sequenceNumber)
			.containsExactly(SEQUENCE_NUMBERS[0]);
	}

	@Test
	void aPayloadThatIsNotJsonIsReportedAsThatRecord() throws IOException {
		String event = event("not json at all", order("o-2", 5));
		assertThat(invoke(event)).isEqualTo(failureOf(SEQUENCE_NUMBERS[0]));
		assertThat(KinesisLambdaTestApplication.received).isEmpty();
	}

	@Test
	void aDynamoDbEventSentToAKinesisProcessorFailsTheInvocationNamingTheProcessor() throws IOException {
		byte[] dynamoDbEvent = new ClassPathResource("events/insert-modify-remove.json").getContentAsByteArray();
		Throwable failure = catchThrowable(() -> invoke(new String(dynamoDbEvent, StandardCharsets.UTF_8)));
		assertThat(failure).isInstanceOf(KinesisStreamEventException.class)
			.hasMessageStartingWith("Processor 'orders' reads a Kinesis stream and cannot take this event. ");
		assertThat(KinesisLambdaTestApplication.received).isEmpty();
	}

	@Test
	void recordsAggregatedByTheKinesisProducerLibraryAreHandedOutOneByOne() throws Exception {
		byte[] aggregate = aggregate(order("o-2", 5), order("o-3", 8));
		String event = event(List.of(utf8(order("o-1", 3)), aggregate));
		assertThat(invoke(event)).isEqualTo(SUCCESS);
		assertThat(KinesisLambdaTestApplication.received).extracting(KinesisRecord::payload)
			.containsExactly(new Order("o-1", 3), new Order("o-2", 5), new Order("o-3", 8));
		assertThat(KinesisLambdaTestApplication.received).extracting(KinesisRecord::sequenceNumber)
			.containsExactly(SEQUENCE_NUMBERS[0], SEQUENCE_NUMBERS[1], SEQUENCE_NUMBERS[1]);
		assertThat(KinesisLambdaTestApplication.received).extracting(KinesisRecord::subSequenceNumber)
			.containsExactly(0L, 0L, 1L);
		assertThat(KinesisLambdaTestApplication.received).extracting(KinesisRecord::partitionKey)
			.containsExactly("key-0", "user-key", "user-key");
	}

	@Test
	void aFailedUserRecordOfAnAggregateReportsTheAggregatesSequenceNumber() throws Exception {
		KinesisLambdaTestApplication.behaviour.set((records) -> records.concatMap((record) -> {
			if (record.payload().id().equals("o-3")) {
				return Mono.error(new RecordProcessingException(record, new IllegalStateException("out of stock")));
			}
			KinesisLambdaTestApplication.received.add(record);
			return Mono.empty();
		}).then());
		String event = event(List.of(utf8(order("o-1", 3)), aggregate(order("o-2", 5), order("o-3", 8))));
		assertThat(invoke(event)).isEqualTo(failureOf(SEQUENCE_NUMBERS[1]));
	}

	private static String order(String id, int quantity) {
		return "{\"id\":\"" + id + "\",\"quantity\":" + quantity + "}";
	}

	/** A Kinesis event as Lambda sends it, one record per payload, data base64-encoded. */
	private static String event(String... payloads) {
		return event(Arrays.stream(payloads).map(KinesisFunctionInvokerIntegrationTests::utf8).toList());
	}

	private static String event(List<byte[]> payloads) {
		StringBuilder records = new StringBuilder();
		for (int i = 0; i < payloads.size(); i++) {
			String data = Base64.getEncoder().encodeToString(payloads.get(i));
			records.append((i > 0) ? "," : "")
				.append("{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"key-")
				.append(i)
				.append("\",\"sequenceNumber\":\"")
				.append(SEQUENCE_NUMBERS[i])
				.append("\",\"data\":\"")
				.append(data)
				.append("\",\"approximateArrivalTimestamp\":1767225600.123},")
				.append("\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\",")
				.append("\"eventID\":\"shardId-000000000000:")
				.append(SEQUENCE_NUMBERS[i])
				.append("\",\"eventName\":\"aws:kinesis:record\",")
				.append("\"invokeIdentityArn\":\"arn:aws:iam::123456789012:role/lambda-role\",")
				.append("\"awsRegion\":\"us-east-1\",\"eventSourceARN\":\"")
				.append(STREAM_ARN)
				.append("\"}");
		}
		return "{\"Records\":[" + records + "]}";
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A KPL aggregate of user records sharing one partition key: magic, protobuf body, MD5. */
	private static byte[] aggregate(String... payloads) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, 1, utf8("user-key"));
		for (String payload : payloads) {
			ByteArrayOutputStream record = new ByteArrayOutputStream();
			record.write(new byte[] { 1 << 3, 0 });
			field(record, 3, utf8(payload));
			field(body, 3, record.toByteArray());
		}
		ByteArrayOutputStream aggregate = new ByteArrayOutputStream();
		aggregate.write(new byte[] { (byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2 });
		aggregate.write(body.toByteArray());
		aggregate.write(MessageDigest.getInstance("MD5").digest(body.toByteArray()));
		return aggregate.toByteArray();
	}

	private static void field(ByteArrayOutputStream out, int number, byte[] value) throws IOException {
		out.write((number << 3) | 2);
		int length = value.length;
		while ((length & ~0x7F) != 0) {
			out.write((length & 0x7F) | 0x80);
			length >>>= 7;
		}
		out.write(length);
		out.write(value);
	}

	private static String failureOf(String sequenceNumber) {
		return "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequenceNumber + "\"}]}";
	}

	private static String invoke(String event) {
		return lambda.invoke(event.getBytes(StandardCharsets.UTF_8));
	}

}
