package dev.tributary.kinesis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import dev.tributary.KinesisRecord;
import dev.tributary.batch.PayloadMappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KinesisRecordFactoryTests {

	@Test
	void mapsAJsonPayloadToARecordIgnoringUnknownProperties() {
		KinesisRecord<Order> record = factory(Order.class).create(record("{\"id\":\"o-1\",\"amount\":12,\"extra\":1}"));
		assertThat(record.payload()).isEqualTo(new Order("o-1", 12));
		assertThat(record.partitionKey()).isEqualTo("pk");
		assertThat(record.sequenceNumber()).isEqualTo("42");
		assertThat(record.shardId()).isEqualTo("shardId-000000000001");
		assertThat(record.eventSourceArn()).isEqualTo("arn:aws:kinesis:us-east-1:123456789012:stream/Events");
		assertThat(record.approximateArrivalTime()).isEqualTo(Instant.ofEpochSecond(100));
	}

	@Test
	void mapsAPayloadToStringBytesAndJsonNode() {
		assertThat(factory(String.class).create(record("héllo")).payload()).isEqualTo("héllo");
		assertThat(factory(byte[].class).create(record("abc")).payload()).containsExactly('a', 'b', 'c');
		assertThat(factory(JsonNode.class).create(record("{\"a\":[1,2]}")).payload().get("a").size()).isEqualTo(2);
	}

	@Test
	void dataIsACopySoAProcessorCannotChangeWhatOthersSee() {
		KinesisRecord<byte[]> record = factory(byte[].class).create(record("abc"));
		record.data()[0] = 'z';
		record.payload()[1] = 'z';
		assertThat(new String(record.data(), StandardCharsets.UTF_8)).isEqualTo("abc");
	}

	@Test
	void aPayloadThatDoesNotFitFailsThatRecordNamingWhereButNotTheContent() {
		assertThatExceptionOfType(PayloadMappingException.class)
			.isThrownBy(() -> factory(Order.class).create(record("{\"id\":\"secret-value\",\"amount\":\"lots\"}")))
			.satisfies((ex) -> assertThat(ex.getSequenceNumber()).isEqualTo("42"))
			.withMessageContaining("Record 42 of shard shardId-000000000001")
			.withMessageContaining("cannot be mapped to " + Order.class.getName())
			.withMessageContaining("\"amount\"")
			.withMessageNotContaining("secret-value")
			.withMessageNotContaining("lots");
	}

	@Test
	void aPayloadThatIsNotJsonFailsThatRecordWithoutQuotingIt() {
		assertThatExceptionOfType(PayloadMappingException.class)
			.isThrownBy(() -> factory(Order.class).create(record("password=hunter2")))
			.withMessageContaining("it is not valid JSON")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void aPayloadThatIsNotUtf8FailsAStringProcessorsRecord() {
		KinesisDataRecord invalid = new KinesisDataRecord("42", 0, "pk", null, null, new byte[] { (byte) 0xC3 }, null,
				null);
		assertThatExceptionOfType(PayloadMappingException.class).isThrownBy(() -> factory(String.class).create(invalid))
			.withMessageContaining("not valid UTF-8");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ED A0 80", "C0 80", "E2 82", "F4 90 80 80", "61 FF 62" })
	void aPayloadWithAnyMalformedSequenceFailsAStringProcessorsRecord(String hex) {
		assertThatExceptionOfType(PayloadMappingException.class)
			.isThrownBy(() -> factory(String.class).create(record(HexFormat.ofDelimiter(" ").parseHex(hex))))
			.withMessageContaining("not valid UTF-8");
	}

	@Test
	void aPayloadThatHoldsTheReplacementCharacterItselfIsValidText() {
		assertThat(factory(String.class).create(record("a\uFFFDb")).payload()).isEqualTo("a\uFFFDb");
	}

	@Test
	void aJsonNullPayloadFailsATypedRecord() {
		assertThatExceptionOfType(PayloadMappingException.class)
			.isThrownBy(() -> factory(Order.class).create(record("null")))
			.withMessageContaining("maps to null");
	}

	private static <T> KinesisRecordFactory<T> factory(Class<T> type) {
		return new KinesisRecordFactory<>(PayloadMappers.forType(ResolvableType.forClass(type)), type.getName());
	}

	private static KinesisDataRecord record(String payload) {
		return record(payload.getBytes(StandardCharsets.UTF_8));
	}

	private static KinesisDataRecord record(byte[] payload) {
		return new KinesisDataRecord("42", 0, "pk", null, Instant.ofEpochSecond(100), payload, "shardId-000000000001",
				"arn:aws:kinesis:us-east-1:123456789012:stream/Events");
	}

	record Order(String id, int amount) {
	}

}
