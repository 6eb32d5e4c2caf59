package dev.tributary.lambda;

import java.time.Instant;
import java.util.stream.Stream;

import dev.tributary.StreamRecord;
import dev.tributary.lambda.LambdaTestApplication.Item;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Hostile DynamoDB Streams events, written for these tests under {@code events/hostile/}, fed
 * through the real {@link FunctionInvoker}: every record is processed or reported, a malformed
 * record is reported by its own sequence number, and what cannot be reported fails the
 * invocation with a message that says what the input looks like. No item value ever reaches a
 * message or the log (each event's values contain {@code SECRET-VALUE}).
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileEventIntegrationTests {

	private static final String FIRST = "500000000000000000001";

	private static final String SECOND = "500000000000000000002";

	private static final String THIRD = "500000000000000000003";

	private static final String SUCCESS = "{\"batchItemFailures\":[]}";

	private static LambdaInvocations lambda;

	@BeforeAll
	static void startFunctionInvoker() {
		lambda = LambdaInvocations.start();
	}

	@BeforeEach
	void resetProcessor() {
		LambdaTestApplication.reset();
	}

	static Stream<Arguments> malformedSecondRecords() {
		return Stream.of(Arguments.of("text-field-holding-object", "eventID: expected a string, found a JSON object"),
				Arguments.of("text-field-holding-array", "eventName: expected a string, found a JSON array"),
				Arguments.of("unknown-event-name", "eventName 'UPSERT' is not INSERT, MODIFY or REMOVE"),
				Arguments.of("missing-event-name", "eventName is missing"),
				Arguments.of("missing-event-id", "eventID is missing"),
				Arguments.of("missing-keys", "dynamodb.Keys is missing"),
				Arguments.of("wrong-attribute-shape",
						"dynamodb.NewImage.address.M.street.S: expected a string, found a JSON number"),
				Arguments.of("wrong-attribute-shape-before-sequence-number",
						"dynamodb.NewImage.tags.L[2]: expected an attribute value object such as {\"S\": ...}, "
								+ "found a JSON string"),
				Arguments.of("bad-base64", "dynamodb.NewImage.blob.B: not valid Base64"),
				Arguments.of("two-attribute-types", "dynamodb.NewImage.content: the attribute value has more than one type"),
				Arguments.of("attribute-without-type", "dynamodb.NewImage.content: the attribute value has no type"),
				Arguments.of("unknown-attribute-type",
						"dynamodb.NewImage.content: unknown attribute type (a field that is not a DynamoDB type)"),
				Arguments.of("user-identity-not-an-object", "userIdentity: expected an object, found a JSON string"),
				Arguments.of("huge-creation-time",
						"dynamodb.ApproximateCreationDateTime: the number is out of range for a time"),
				Arguments.of("huge-size-bytes", "dynamodb.SizeBytes: the number is out of range"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedSecondRecords")
	void aMalformedRecordIsReportedByItsOwnSequenceNumberAfterTheRecordsBeforeItAreProcessed(String event,
			String reason, CapturedOutput output) {
		assertThat(invoke(event)).isEqualTo(failureOf(SECOND));
		assertThat(receivedSequenceNumbers()).containsExactly(FIRST);
		assertThat(output).contains("malformed record " + SECOND, "Records[1]", reason).doesNotContain("SECRET-VALUE");
	}

	static Stream<Arguments> unreportableEvents() {
		return Stream.of(Arguments.of("non-object-element", "Records[1] is a JSON number, not a record"),
				Arguments.of("missing-dynamodb",
						"Records[1] (event h2) is malformed (dynamodb is missing) and has no sequence number"),
				Arguments.of("dynamodb-not-an-object", "dynamodb: expected an object, found a JSON string"),
				Arguments.of("missing-sequence-number", "dynamodb.SequenceNumber is missing"),
				Arguments.of("numeric-sequence-number", "dynamodb.SequenceNumber: expected a string, found a JSON number"),
				Arguments.of("raw-control-character", "The event is not valid JSON at line"),
				Arguments.of("too-deeply-nested", "The event exceeds a parser limit (Document nesting depth"),
				Arguments.of("number-too-long", "The event exceeds a parser limit (Number value length"),
				Arguments.of("records-twice", "The event has 'Records' twice"),
				Arguments.of("content-after-end", "The event has content after its end"),
				Arguments.of("truncated", "The event ends early (truncated JSON)"),
				Arguments.of("mixed-sources", "Records[1] (sequence number " + SECOND
						+ ", event h2) is from another source: an SQS event (eventSource 'aws:sqs')"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unreportableEvents")
	void anEventWithARecordThatCannotBeReportedFailsTheInvocationAndProcessesNothing(String event, String message) {
		assertFailsNaming(event, message);
		assertThat(LambdaTestApplication.received).isEmpty();
	}

	static Stream<Arguments> otherInputs() {
		return Stream.of(Arguments.of("sqs", "This looks like an SQS event (eventSource 'aws:sqs')"),
				Arguments.of("kinesis", "This looks like a Kinesis event (eventSource 'aws:kinesis')"),
				Arguments.of("s3", "This looks like an S3 event (eventSource 'aws:s3')"),
				Arguments.of("sns", "This looks like an SNS event (eventSource 'aws:sns')"),
				Arguments.of("api-gateway", "This looks like an API Gateway or function URL request"),
				Arguments.of("on-failure-destination",
						"This looks like a DynamoDB Streams on-failure destination record (DDBStreamBatchInfo)"),
				Arguments.of("kinesis-on-failure-destination",
						"This looks like a Kinesis on-failure destination record (KinesisBatchInfo)"),
				Arguments.of("no-records", "This looks like a JSON object without 'Records' (its fields: ..., detail)"),
				Arguments.of("lowercase-records", "This looks like an object with 'records' in lower case"),
				Arguments.of("bare-record", "This looks like a single stream record without the {\"Records\": [...]} "),
				Arguments.of("bare-array", "This looks like a JSON array, not an object"),
				Arguments.of("records-null", "This looks like an object whose 'Records' is null, not an array"),
				Arguments.of("empty-object", "This looks like an empty JSON object"),
				Arguments.of("empty-body", "This looks like an empty input"),
				Arguments.of("not-json", "The event is not valid JSON at line 1, column"),
				Arguments.of("json-string", "This looks like a JSON string, not an object"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("otherInputs")
	void anInputThatIsNotADynamoDbStreamsEventFailsTheInvocationSayingWhatItLooksLike(String event, String message) {
		assertFailsNaming(event, message);
		assertThat(LambdaTestApplication.received).isEmpty();
	}

	@Test
	void anEmptyRecordsArrayIsAnEmptySuccess() {
		assertThat(lambda.invokeResource("events/empty.json")).isEqualTo(SUCCESS);
		assertThat(LambdaTestApplication.received).isEmpty();
	}

	@Test
	void aMalformedFirstRecordIsReportedAndNothingIsProcessed() {
		assertThat(invoke("malformed-first")).isEqualTo(failureOf(FIRST));
		assertThat(LambdaTestApplication.received).isEmpty();
	}

	@Test
	void elementsAfterAMalformedRecordAreLeftToTheRetry() {
		assertThat(invoke("malformed-then-non-object")).isEqualTo(failureOf(SECOND));
		assertThat(receivedSequenceNumbers()).containsExactly(FIRST);
	}

	@Test
	void aSequenceNumberWithControlCharactersIsReportedAsValidJson() {
		String response = invoke("control-characters-in-sequence-number");
		JsonNode failures = JsonMapper.shared().readTree(response).get("batchItemFailures");
		assertThat(failures).hasSize(1);
		assertThat(failures.get(0).get("itemIdentifier").asString()).isEqualTo("5000\"\\2\u0001\n\u2028");
		assertThat(receivedSequenceNumbers()).containsExactly(FIRST);
	}

	@Test
	void attributeValuesWithEveryTypeKeyNullButOneAreRead() {
		assertThat(invoke("null-type-keys")).isEqualTo(SUCCESS);
		assertThat(LambdaTestApplication.received).singleElement()
			.satisfies((record) -> assertThat(record.newImage()).contains(new Item("item-1", "SECRET-VALUE-1")));
	}

	@Test
	void aTumblingWindowEventsRecordsAreProcessed() {
		assertThat(invoke("tumbling-window")).isEqualTo(SUCCESS);
		assertThat(receivedSequenceNumbers()).containsExactly(FIRST);
	}

	@Test
	void nestingAsDeepAsDynamoDbAllowsIsRead() {
		assertThat(invoke("deeply-nested")).isEqualTo(SUCCESS);
		assertThat(receivedSequenceNumbers()).containsExactly(FIRST, SECOND, THIRD);
	}

	@Test
	void aCreationTimeBelowANanosecondIsTheEpoch() {
		assertThat(invoke("tiny-creation-time")).isEqualTo(SUCCESS);
		assertThat(LambdaTestApplication.received.get(1).approximateCreationTime()).contains(Instant.EPOCH);
	}

	private static void assertFailsNaming(String event, String message) {
		Throwable failure = catchThrowable(() -> invoke(event));
		assertThat(failure).isInstanceOf(DynamoDbStreamEventException.class)
			.hasMessageStartingWith("Processor 'items' reads DynamoDB Streams and cannot take this event. ")
			.hasMessageContaining(message)
			.hasMessageEndingWith("the invocation fails as a whole so that Lambda retries the batch and nothing is lost")
			.hasMessageNotContaining("SECRET-VALUE");
		assertThat(failure).cause().hasMessageNotContaining("SECRET-VALUE");
	}

	private static String invoke(String event) {
		return lambda.invokeResource("events/hostile/" + event + ".json");
	}

	private static String[] receivedSequenceNumbers() {
		return LambdaTestApplication.received.stream().map(StreamRecord::sequenceNumber).toArray(String[]::new);
	}

	private static String failureOf(String sequenceNumber) {
		return "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequenceNumber + "\"}]}";
	}

}
