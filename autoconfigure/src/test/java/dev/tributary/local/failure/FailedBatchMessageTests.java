package dev.tributary.local.failure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import dev.tributary.kinesis.KinesisDataRecord;
import dev.tributary.kinesis.local.KinesisShardRecordType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FailedBatchMessage}.
 */
class FailedBatchMessageTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void carriesTheBatchInfoAndTheRecords() {
		JsonNode message = json.readTree(FailedBatchMessage.toJson(FailedBatches.of(2, "c")));
		assertThat(message.get("DDBStreamBatchInfo").get("startSequenceNumber").asString()).isEqualTo("100");
		assertThat(message.get("DDBStreamBatchInfo").get("endSequenceNumber").asString()).isEqualTo("200");
		assertThat(message.get("DDBStreamBatchInfo").get("batchSize").asInt()).isEqualTo(2);
		assertThat(message.get("Records")).hasSize(2);
		assertThat(message.has("recordsOmitted")).isFalse();
	}

	@Test
	void leavesOutRecordsThatWouldNotFitInOneMessage() {
		String body = FailedBatchMessage.toJson(FailedBatches.of(100, "x".repeat(3000)));
		assertThat(body.length()).isLessThan(FailedBatchMessage.MAX_BYTES);
		JsonNode message = json.readTree(body);
		assertThat(message.has("Records")).isFalse();
		assertThat(message.get("recordsOmitted").asString()).contains("sequence numbers");
		assertThat(message.get("DDBStreamBatchInfo").get("batchSize").asInt()).isEqualTo(100);
		assertThat(message.get("DDBStreamBatchInfo").get("endSequenceNumber").asString()).isEqualTo("10000");
	}

	@Test
	void describesAKinesisBatchAsLambdaDoesWithTheRecordsAsLambdasKinesisEventShowsThem() {
		String arn = "arn:aws:kinesis:eu-west-1:123456789012:stream/events";
		List<KinesisDataRecord> records = List.of(
				new KinesisDataRecord("49590338271490256608559692538361571095921575989136588898", 0, "k1", null,
						Instant.parse("2026-01-01T00:00:00Z"), "hello".getBytes(StandardCharsets.UTF_8), "shardId-000000000006",
						arn));
		FailedBatch<KinesisDataRecord> batch = new FailedBatch<>("logEvents", "events", arn, "shardId-000000000006",
				records, KinesisShardRecordType.INSTANCE, FailedBatch.Reason.RECORD_AGE_EXCEEDED, "", "", 1);
		JsonNode message = json.readTree(FailedBatchMessage.toJson(batch));
		assertThat(message.has("DDBStreamBatchInfo")).isFalse();
		assertThat(message.get("KinesisBatchInfo").get("startSequenceNumber").asString())
			.isEqualTo("49590338271490256608559692538361571095921575989136588898");
		assertThat(message.get("stream").asString()).isEqualTo("events");
		JsonNode record = message.get("Records").get(0);
		assertThat(record.get("eventSource").asString()).isEqualTo("aws:kinesis");
		assertThat(record.get("awsRegion").asString()).isEqualTo("eu-west-1");
		assertThat(record.get("kinesis").get("data").asString())
			.isEqualTo(Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8)));
	}

}
