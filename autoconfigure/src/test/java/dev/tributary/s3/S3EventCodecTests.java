package dev.tributary.s3;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.tributary.S3EventRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class S3EventCodecTests {

	private final S3EventCodec codec = new S3EventCodec();

	@Test
	void readsMotosNotificationWithAnEventTimeWithoutZoneAsUtcAndNoSequencer() {
		S3EventRecord record = this.codec.readMessage("{\"Records\": [{\"eventVersion\": \"2.1\", \"eventSource\": "
				+ "\"aws:s3\", \"awsRegion\": \"us-east-1\", \"eventTime\": \"2026-12-02T15:44:48.387265\", "
				+ "\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"s3SchemaVersion\": \"1.0\", \"configurationId\": "
				+ "\"trib\", \"bucket\": {\"name\": \"files-t2\", \"arn\": \"arn:aws:s3:::files-t2\"}, \"object\": "
				+ "{\"key\": \"my+notes+%C3%A9.txt\", \"size\": 5, \"eTag\": \"5d41402abc4b2a76b9719d911017c592\"}}}]}",
				"m-1");
		assertThat(record.key()).isEqualTo("my notes é.txt");
		assertThat(record.eventTime()).isEqualTo(Instant.parse("2026-12-02T15:44:48.387265Z"));
		assertThat(record.sequencer()).isNull();
		assertThat(record.versionId()).isNull();
		assertThat(record.principalId()).isNull();
		assertThat(record.itemIdentifier()).isEqualTo("m-1");
	}

	@Test
	void recognisesTheTestEventAndNothingElse() {
		assertThat(this.codec.isTestEvent("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}")).isTrue();
		assertThat(this.codec.isTestEvent("{\"note\":\"s3:TestEvent\"}")).isFalse();
		assertThat(this.codec.isTestEvent("s3:TestEvent, not JSON")).isFalse();
	}

	@Test
	void aBodyThatIsNotAnEventSaysWhereWithoutQuotingIt() {
		assertThatExceptionOfType(S3EventException.class)
			.isThrownBy(() -> this.codec.readMessage("{\"secret\":\"value\"}", "m-2"))
			.withMessage("message m-2 is not an S3 event: it has no \"Records\" array")
			.withMessageNotContaining("value");
	}

	@Test
	void aMessageWithTwoRecordsIsRefusedSinceS3SendsOne() {
		String record = "{\"eventSource\":\"aws:s3\",\"eventTime\":\"2026-12-02T10:00:00Z\","
				+ "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},"
				+ "\"object\":{\"key\":\"k\",\"size\":1}}}";
		assertThatExceptionOfType(S3EventException.class)
			.isThrownBy(() -> this.codec.readMessage("{\"Records\":[" + record + "," + record + "]}", "m-3"))
			.withMessageContaining("holds 2 S3 event records");
	}

	@Test
	void aDirectEventOfAnotherSourceNamesTheSource() {
		assertThatExceptionOfType(S3EventException.class)
			.isThrownBy(() -> this.codec
				.readEvent("{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("'aws:sqs'");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			truncated JSON                  | {"Records":[{"eventSource":"aws:s3"     | is not JSON
			Records not an array            | {"Records":{"eventSource":"aws:s3"}}    | no "Records" array
			a record that is a string       | {"Records":["aws:s3"]}                  | event source 'null'
			no s3 object                    | {"Records":[{"eventSource":"aws:s3","eventTime":"2026-12-02T10:00:00Z","eventName":"ObjectCreated:Put"}]} | has no "s3" object
			a key that is not URL-encoded   | {"Records":[{"eventSource":"aws:s3","eventTime":"2026-12-02T10:00:00Z","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":"100%ZZ","size":1}}}]} | not URL-encoded
			a time that is not a time       | {"Records":[{"eventSource":"aws:s3","eventTime":"yesterday","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":"k","size":1}}}]} | is not an ISO-8601 time
			a JSON array                    | [1,2,3]                                 | no "Records" array
			""")
	void hostileInputIsAnS3EventExceptionSayingWhere(String what, String event, String expected) {
		assertThatExceptionOfType(S3EventException.class)
			.as(what)
			.isThrownBy(() -> this.codec.readEvent(event.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining(expected);
		assertThatExceptionOfType(S3EventException.class).as(what + ", through a queue")
			.isThrownBy(() -> this.codec.readMessage(event, "m-9"))
			.withMessageContaining("m-9");
	}

}
