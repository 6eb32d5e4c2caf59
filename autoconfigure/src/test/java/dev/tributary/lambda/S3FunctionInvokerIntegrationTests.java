package dev.tributary.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.tributary.RecordProcessingException;
import dev.tributary.S3EventRecord;
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
 * Drives the real {@link FunctionInvoker}, as Lambda does, with two S3 event processors: one whose
 * notifications come through its queue (SQS events whose bodies are S3 events), one S3 invokes
 * directly (S3 events). Keys arrive URL-encoded as S3 sends them.
 */
class S3FunctionInvokerIntegrationTests {

	private static final String SUCCESS = "{\"batchItemFailures\":[]}";

	private static LambdaInvocations queued;

	private static LambdaInvocations direct;

	@BeforeAll
	static void startFunctionInvokers() {
		queued = LambdaInvocations.start(S3LambdaTestApplication.class, "files");
		direct = LambdaInvocations.start(S3LambdaTestApplication.class, "uploads");
	}

	@AfterAll
	static void forgetFunctionInvokers() {
		queued = null;
		direct = null;
	}

	@BeforeEach
	void resetProcessors() {
		S3LambdaTestApplication.reset();
	}

	@Test
	void aQueuedNotificationReachesTheProcessorTypedWithItsKeyDecoded() {
		String key = "my+notes+%C3%A9+%2B1.txt";
		assertThat(invoke(queued, sqsEvent(s3Event("ObjectCreated:Put", key, 5, "0055AED6DCD90281E5"))))
			.isEqualTo(SUCCESS);
		assertThat(S3LambdaTestApplication.received).singleElement().satisfies((record) -> {
			assertThat(record.itemIdentifier()).isEqualTo("m-0");
			assertThat(record.eventName()).isEqualTo("ObjectCreated:Put");
			assertThat(record.bucket()).isEqualTo("files-dev");
			assertThat(record.key()).isEqualTo("my notes é +1.txt");
			assertThat(record.size()).isEqualTo(5);
			assertThat(record.eTag()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
			assertThat(record.sequencer()).isEqualTo("0055AED6DCD90281E5");
			assertThat(record.versionId()).isEqualTo("v1");
			assertThat(record.principalId()).isEqualTo("AWS:AIDAEXAMPLE");
			assertThat(record.eventTime()).isEqualTo(Instant.parse("2026-12-02T10:15:30.123Z"));
			assertThat(record.isCreated()).isTrue();
		});
	}

	@Test
	void theTestEventIsSkippedAndTheMessagesAroundItAreProcessed() {
		String testEvent = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-12-02T10:00:00.000Z\","
				+ "\"Bucket\":\"files-dev\",\"RequestId\":\"R1\",\"HostId\":\"H1\"}";
		assertThat(invoke(queued, sqsEvent(testEvent, s3Event("ObjectCreated:Put", "a.txt", 1, "01"))))
			.isEqualTo(SUCCESS);
		assertThat(S3LambdaTestApplication.received).extracting(S3EventRecord::key).containsExactly("a.txt");
	}

	@Test
	void aFailedRecordIsReportedByItsMessageIdWithEveryMessageAfterIt() {
		S3LambdaTestApplication.behaviour.set((records) -> records.concatMap((record) -> {
			if (record.key().equals("b.txt")) {
				return Mono.error(new RecordProcessingException(record, new IllegalStateException("unreadable")));
			}
			S3LambdaTestApplication.received.add(record);
			return Mono.empty();
		}).then());
		assertThat(invoke(queued, sqsEvent(s3Event("ObjectCreated:Put", "a.txt", 1, "01"),
				s3Event("ObjectCreated:Put", "b.txt", 1, "02"), s3Event("ObjectCreated:Put", "c.txt", 1, "03"))))
			.isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-1\"},{\"itemIdentifier\":\"m-2\"}]}");
		assertThat(S3LambdaTestApplication.received).extracting(S3EventRecord::key).containsExactly("a.txt");
	}

	@Test
	void aBodyThatIsNotAnS3EventIsThatMessagesFailure() {
		assertThat(invoke(queued, sqsEvent(s3Event("ObjectCreated:Put", "a.txt", 1, "01"), "{\"hello\":\"world\"}")))
			.isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-1\"}]}");
		assertThat(S3LambdaTestApplication.received).extracting(S3EventRecord::key).containsExactly("a.txt");
	}

	@Test
	void aDirectEventReachesTheProcessorAndAnswersNothingToReport() {
		String event = "{\"Records\":[" + s3Event("ObjectRemoved:Delete", "old%2Freport+2026.csv", 0, "02") + "]}";
		invoke(direct, event);
		assertThat(S3LambdaTestApplication.received).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("old/report 2026.csv");
			assertThat(record.isRemoved()).isTrue();
			assertThat(record.itemIdentifier()).isEqualTo("files-dev/old%2Freport+2026.csv@02");
		});
	}

	@Test
	void aDirectEventWhoseRecordFailsFailsTheInvocationSoThatLambdaRetriesIt() {
		S3LambdaTestApplication.behaviour.set((records) -> Mono.error(new IllegalStateException("database down")));
		Throwable failure = catchThrowable(
				() -> invoke(direct, "{\"Records\":[" + s3Event("ObjectCreated:Put", "a.txt", 1, "01") + "]}"));
		assertThat(failure).hasMessageContaining("Processor 'uploads' failed at record files-dev/a.txt@01")
			.hasMessageContaining("Lambda retries it");
	}

	@Test
	void aDirectlyInvokedProcessorAlsoAnswersQueuedNotificationsSoChangingTheDeliveryLosesNothing() {
		assertThat(invoke(direct, sqsEvent(s3Event("ObjectCreated:Put", "a.txt", 1, "01")))).isEqualTo(SUCCESS);
		assertThat(S3LambdaTestApplication.received).extracting(S3EventRecord::itemIdentifier).containsExactly("m-0");
	}

	@Test
	void anEventOfAnotherSourceFailsTheInvocationNamingTheProcessorAndTheSource() throws Exception {
		byte[] dynamoDbEvent = new ClassPathResource("events/insert-modify-remove.json").getContentAsByteArray();
		Throwable failure = catchThrowable(() -> invoke(queued, new String(dynamoDbEvent, StandardCharsets.UTF_8)));
		assertThat(failure).isInstanceOf(S3EventNotificationException.class)
			.hasMessageStartingWith("Processor 'files' reads S3 event notifications and cannot take this event")
			.hasMessageContaining("'aws:dynamodb'");
		assertThat(S3LambdaTestApplication.received).isEmpty();
	}

	@Test
	void aDirectEventThatCannotBeReadFailsTheInvocationSayingWhere() {
		String event = "{\"Records\":[" + s3Event("ObjectCreated:Put", "a.txt", 1, "01").replace("\"eventName\"",
				"\"name\"") + "]}";
		Throwable failure = catchThrowable(() -> invoke(direct, event));
		assertThat(failure).isInstanceOf(S3EventNotificationException.class)
			.hasMessageStartingWith("Processor 'uploads' is invoked by S3 directly and cannot take this event")
			.hasMessageContaining("Records[0] has no \"eventName\"");
		assertThat(S3LambdaTestApplication.received).isEmpty();
	}

	/** One S3 event record, as S3 writes it. */
	private static String s3Event(String eventName, String encodedKey, long size, String sequencer) {
		return "{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
				+ "\"eventTime\":\"2026-12-02T10:15:30.123Z\",\"eventName\":\"" + eventName + "\","
				+ "\"userIdentity\":{\"principalId\":\"AWS:AIDAEXAMPLE\"},"
				+ "\"requestParameters\":{\"sourceIPAddress\":\"203.0.113.5\"},"
				+ "\"responseElements\":{\"x-amz-request-id\":\"R1\",\"x-amz-id-2\":\"H1\"},"
				+ "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"tributary-files\","
				+ "\"bucket\":{\"name\":\"files-dev\",\"ownerIdentity\":{\"principalId\":\"A1\"},"
				+ "\"arn\":\"arn:aws:s3:::files-dev\"},\"object\":{\"key\":\"" + encodedKey + "\",\"size\":" + size
				+ ",\"eTag\":\"5d41402abc4b2a76b9719d911017c592\",\"versionId\":\"v1\",\"sequencer\":\"" + sequencer
				+ "\"}}}";
	}

	/** An SQS event whose messages hold S3 notifications: a record per body, wrapped as S3 does. */
	private static String sqsEvent(String... notifications) {
		StringBuilder records = new StringBuilder();
		for (int i = 0; i < notifications.length; i++) {
			String body = notifications[i].startsWith("{\"eventVersion\"") ? "{\"Records\":[" + notifications[i] + "]}"
					: notifications[i];
			records.append((i > 0) ? "," : "")
				.append("{\"messageId\":\"m-")
				.append(i)
				.append("\",\"receiptHandle\":\"handle-")
				.append(i)
				.append("\",\"body\":\"")
				.append(body.replace("\\", "\\\\").replace("\"", "\\\""))
				.append("\",\"attributes\":{\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":\"1767225600123\",")
				.append("\"SenderId\":\"AIDAEXAMPLE\",\"ApproximateFirstReceiveTimestamp\":\"1767225600200\"},")
				.append("\"messageAttributes\":{},\"md5OfBody\":\"e4e68fb7bd0e697a0ae8f1bb342846b3\",")
				.append("\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:files-dev-files\",")
				.append("\"awsRegion\":\"us-east-1\"}");
		}
		return "{\"Records\":[" + records + "]}";
	}

	private static String invoke(LambdaInvocations lambda, String event) {
		return lambda.invoke(event.getBytes(StandardCharsets.UTF_8));
	}

}
