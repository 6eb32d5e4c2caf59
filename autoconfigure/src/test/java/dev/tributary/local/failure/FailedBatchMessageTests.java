package dev.tributary.local.failure;

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

}
