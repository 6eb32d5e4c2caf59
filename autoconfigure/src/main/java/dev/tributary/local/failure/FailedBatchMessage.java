package dev.tributary.local.failure;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body Tributary sends to an on-failure destination: Lambda's
 * {@code DDBStreamBatchInfo} (or {@code KinesisBatchInfo}) fields, the error, and (unlike Lambda, which sends only positions)
 * the records themselves in the shape of Lambda's event, so they can be replayed. SQS and SNS take
 * at most 256 KiB a message: a batch whose records would not fit is sent without them (as Lambda
 * does), with {@code recordsOmitted} saying so, rather than failing the send for ever and holding
 * the shard.
 *
 * @author Tributary
 */
final class FailedBatchMessage {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Below SQS's and SNS's 262,144 bytes, leaving room for what the services add. */
	static final int MAX_BYTES = 250_000;

	private FailedBatchMessage() {
	}

	static String toJson(FailedBatch<?> batch) {
		String full = toJson(batch, true);
		if (full.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_BYTES) {
			return full;
		}
		return toJson(batch, false);
	}

	private static <R> String toJson(FailedBatch<R> batch, boolean withRecords) {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("shardId", batch.shardId());
		info.put("startSequenceNumber", batch.firstSequenceNumber());
		info.put("endSequenceNumber", batch.lastSequenceNumber());
		info.put("batchSize", batch.records().size());
		info.put("streamArn", batch.streamArn());
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("processor", batch.processor());
		message.put(batch.type().sourceKind(), batch.source());
		message.put("timestamp", Instant.now().toString());
		message.put("reason", batch.reason().name());
		message.put("errorType", batch.errorType());
		message.put("errorMessage", batch.errorMessage());
		message.put("attempts", batch.attempts());
		message.put(batch.type().batchInfoName(), info);
		if (!withRecords) {
			message.put("recordsOmitted", "The records do not fit in one message (" + MAX_BYTES
					+ " bytes); read them from the stream by their sequence numbers while it keeps them (24 hours)");
			return json.writeValueAsString(message);
		}
		List<Map<String, Object>> records = batch.records()
			.stream()
			.map((record) -> batch.type().toLambdaRecord(record, batch.streamArn()))
			.toList();
		message.put("Records", records);
		return json.writeValueAsString(message);
	}

}
