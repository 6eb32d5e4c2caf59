package dev.tributary.kinesis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tributary.kinesis.KinesisEvent.MalformedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KinesisEventCodecTests {

	private final KinesisEventCodec codec = new KinesisEventCodec();

	@Test
	void readsEveryFieldOfLambdasKinesisEvent() {
		KinesisEvent event = this.codec.read(KinesisEvents.read("two-records.json"));
		assertThat(event.malformed()).isNull();
		assertThat(event.records()).hasSize(2);
		KinesisDataRecord first = event.records().get(0);
		assertThat(first.sequenceNumber()).isEqualTo("49590338271490256608559692538361571095921575989136588898");
		assertThat(first.subSequenceNumber()).isZero();
		assertThat(first.partitionKey()).isEqualTo("k1");
		assertThat(new String(first.data(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"o-1\",\"amount\":12}");
		assertThat(first.approximateArrivalTimestamp()).isEqualTo(Instant.ofEpochMilli(1545084650987L));
		assertThat(first.shardId()).isEqualTo("shardId-000000000006");
		assertThat(first.eventSourceArn()).isEqualTo("arn:aws:kinesis:us-east-2:123456789012:stream/Events");
		assertThat(new String(event.records().get(1).data(), StandardCharsets.UTF_8)).isEqualTo("hello");
	}

	@Test
	void writesARecordBackThatReadsAsTheSameRecord() {
		KinesisEvent original = this.codec.read(KinesisEvents.read("two-records.json"));
		List<Map<String, Object>> written = original.records()
			.stream()
			.map((record) -> this.codec.toLambdaRecord(record, "us-east-2"))
			.toList();
		byte[] json = JsonMapper.shared().writeValueAsBytes(Map.of("Records", written));
		KinesisEvent roundTripped = this.codec.read(json);
		assertThat(roundTripped.records()).hasSameSizeAs(original.records());
		for (int i = 0; i < original.records().size(); i++) {
			KinesisDataRecord before = original.records().get(i);
			KinesisDataRecord after = roundTripped.records().get(i);
			assertThat(after).usingRecursiveComparison().isEqualTo(before);
		}
		assertThat(written.get(0)).containsEntry("eventSource", "aws:kinesis")
			.containsEntry("eventID", "shardId-000000000006:49590338271490256608559692538361571095921575989136588898");
	}

	@Test
	void filtersSeeAJsonPayloadAsJsonAndAnyOtherPayloadAsBase64UnderTheDataKeyOnly() {
		KinesisEvent event = this.codec.read(KinesisEvents.read("two-records.json"));
		assertThat(this.codec.toFilterView(event.records().get(0)))
			.isEqualTo(Map.of("data", Map.of("id", "o-1", "amount", 12)));
		assertThat(this.codec.toFilterView(event.records().get(1))).isEqualTo(Map.of("data", "aGVsbG8="));
	}

	@Test
	void anEmptyRecordsArrayIsAnEmptySuccess() {
		KinesisEvent event = this.codec.read(KinesisEvents.read("empty.json"));
		assertThat(event.records()).isEmpty();
		assertThat(event.malformed()).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			malformed-middle-data-object.json         | kinesis.data is a JSON object, not a string
			malformed-middle-missing-partition-key.json | kinesis.partitionKey is missing
			malformed-middle-bad-base64.json          | kinesis.data is not Base64
			""")
	void aMalformedRecordIsReportedByItsOwnSequenceNumberAndRecordsBeforeItAreKept(String file, String reason) {
		KinesisEvent event = this.codec.read(KinesisEvents.read(file));
		assertThat(event.records()).extracting(KinesisDataRecord::sequenceNumber).containsExactly("101");
		MalformedRecord malformed = event.malformed();
		assertThat(malformed).isNotNull();
		assertThat(malformed.index()).isEqualTo(1);
		assertThat(malformed.sequenceNumber()).isEqualTo("102");
		assertThat(malformed.reason()).contains(reason);
	}

	@Test
	void aRecordWithoutASequenceNumberFailsTheWholeInvocation() {
		assertThatExceptionOfType(LambdaEventException.class)
			.isThrownBy(() -> this.codec.read(KinesisEvents.read("malformed-middle-no-sequence-number.json")))
			.withMessageContaining("Records[1] of the Kinesis event has no kinesis.sequenceNumber")
			.withMessageContaining("the invocation fails as a whole");
	}

	@Test
	void recordsTwiceFailsTheWholeInvocationRatherThanLoseTheFirstArraysMalformedRecord() {
		assertThatExceptionOfType(LambdaEventException.class)
			.isThrownBy(() -> this.codec.read(KinesisEvents.read("records-twice.json")))
			.withMessageStartingWith("The Kinesis event has 'Records' twice");
	}

	@Test
	void aRecordThatIsNotAnObjectFailsTheWholeInvocation() {
		assertThatExceptionOfType(LambdaEventException.class)
			.isThrownBy(() -> this.codec.read(KinesisEvents.read("non-object-element.json")))
			.withMessageContaining("Records[1] of the Kinesis event is a JSON number, not a record");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			foreign-sqs.json           | an event whose first record's event source is 'aws:sqs'
			foreign-dynamodb.json      | an event whose first record's event source is 'aws:dynamodb'
			foreign-function-url.json  | an HTTP request event (API Gateway or a function URL)
			foreign-firehose.json      | a Kinesis Data Firehose event
			foreign-kinesis-on-failure-destination.json  | a Kinesis on-failure destination record (KinesisBatchInfo)
			foreign-dynamodb-on-failure-destination.json | a DynamoDB Streams on-failure destination record (DDBStreamBatchInfo)
			bare-record.json           | a single Kinesis record without the {"Records": [...]} wrapper
			bare-array.json            | a JSON array, not an object
			""")
	void anotherSourcesEventIsAClearErrorNamingWhatItLooksLike(String file, String looksLike) {
		assertThatExceptionOfType(LambdaEventException.class)
			.isThrownBy(() -> this.codec.read(KinesisEvents.read(file)))
			.withMessageStartingWith("Expected a Kinesis event")
			.withMessageContaining("but got " + looksLike);
	}

	@Test
	void truncatedJsonFailsTheWholeInvocation() {
		assertThatExceptionOfType(LambdaEventException.class)
			.isThrownBy(() -> this.codec.read(KinesisEvents.read("truncated.json")))
			.withMessageStartingWith("The event ends early (truncated JSON) at line 2, column 1")
			.withMessageEndingWith("failing the invocation so that Lambda retries the batch");
	}

	@Test
	void invalidJsonIsReportedByPlaceWithoutTheParsersMessageWhichQuotesTheInput() {
		// Jackson's message would be "Unrecognized token 'card4111111111111111': ...", and Lambda
		// logs the exception with its causes.
		assertThatExceptionOfType(LambdaEventException.class)
			.isThrownBy(() -> this.codec.read(KinesisEvents.read("unquoted-payload-token.json")))
			.withMessage("The event is not valid JSON at line 1, column 82; failing the invocation so that Lambda "
					+ "retries the batch")
			.withNoCause();
	}

	@Test
	void anotherSourcesRecordBeforeInvalidJsonIsDescribedWithoutQuotingTheInput() {
		assertThatExceptionOfType(LambdaEventException.class)
			.isThrownBy(() -> this.codec.read(KinesisEvents.read("foreign-record-then-unquoted-payload-token.json")))
			.withMessageContaining("but got input that is not valid JSON")
			.withMessageNotContaining("4111");
	}

	@Test
	void emptyInputIsAClearError() {
		assertThatExceptionOfType(LambdaEventException.class).isThrownBy(() -> this.codec.read(new byte[0]))
			.withMessageContaining("but got an empty input");
	}

	@Test
	void errorMessagesNameFieldsButNeverValues() {
		KinesisEvent event = this.codec.read(KinesisEvents.read("malformed-middle-data-object.json"));
		assertThat(event.malformed()).isNotNull();
		assertThat(event.malformed().reason()).doesNotContain("nested");
	}

}
