package dev.tributary.local.failure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.local.event.LambdaRecordFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body Tributary sends to an on-failure destination: Lambda's
 * {@code DDBStreamBatchInfo} fields, the error, and (unlike Lambda, which sends only positions)
 * the records themselves in the shape of Lambda's event, so they can be replayed.
 *
 * @author Tributary
 */
final class FailedBatchMessage {

	private static final JsonMapper json = JsonMapper.builder().build();

	private FailedBatchMessage() {
	}

	static String toJson(FailedBatch batch) {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("shardId", batch.shardId());
		info.put("startSequenceNumber", batch.firstSequenceNumber());
		info.put("endSequenceNumber", batch.lastSequenceNumber());
		info.put("batchSize", batch.records().size());
		info.put("streamArn", batch.streamArn());
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("processor", batch.processor());
		message.put("table", batch.table());
		message.put("timestamp", Instant.now().toString());
		message.put("reason", batch.reason().name());
		message.put("errorType", batch.errorType());
		message.put("errorMessage", batch.errorMessage());
		message.put("attempts", batch.attempts());
		message.put("DDBStreamBatchInfo", info);
		List<Map<String, Object>> records = batch.records()
			.stream()
			.map((record) -> LambdaRecordFormat.toMap(record, batch.streamArn()))
			.toList();
		message.put("Records", records);
		return json.writeValueAsString(message);
	}

}
