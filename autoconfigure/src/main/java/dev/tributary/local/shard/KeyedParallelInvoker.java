package dev.tributary.local.shard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import dev.tributary.SequenceNumbers;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.BatchOutcome;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Lambda's parallelization factor within one shard: records are split into lanes by partition
 * key, each lane keeps its records in order and lanes run concurrently. The batch fails at the
 * lowest failed sequence number of any lane; records of other keys after it may have been
 * processed and are processed again on retry (at least once, as with Lambda).
 *
 * @author Tributary
 */
final class KeyedParallelInvoker {

	private final BatchInvoker<?> invoker;

	private final String partitionKey;

	private final int lanes;

	private final Executor executor;

	KeyedParallelInvoker(BatchInvoker<?> invoker, String partitionKey, int lanes, Executor executor) {
		this.invoker = invoker;
		this.partitionKey = partitionKey;
		this.lanes = lanes;
		this.executor = executor;
	}

	BatchOutcome invoke(List<Record> records, @Nullable String streamArn) {
		if (this.lanes <= 1 || records.size() <= 1) {
			return this.invoker.invoke(records, streamArn, null);
		}
		Map<Integer, List<Record>> byLane = new LinkedHashMap<>();
		for (Record record : records) {
			AttributeValue key = record.dynamodb().keys().get(this.partitionKey);
			int lane = Math.floorMod(Objects.hashCode(key), this.lanes);
			byLane.computeIfAbsent(lane, (ignored) -> new ArrayList<>()).add(record);
		}
		List<CompletableFuture<BatchOutcome>> outcomes = byLane.values()
			.stream()
			.map((lane) -> CompletableFuture.supplyAsync(() -> this.invoker.invoke(lane, streamArn, null),
					this.executor))
			.toList();
		BatchOutcome lowest = null;
		for (CompletableFuture<BatchOutcome> future : outcomes) {
			BatchOutcome outcome = future.join();
			if (!outcome.isSuccess() && (lowest == null || SequenceNumbers.compare(
					outcome.failedSequenceNumber(), lowest.failedSequenceNumber()) < 0)) {
				lowest = outcome;
			}
		}
		if (lowest == null) {
			return BatchOutcome.success();
		}
		for (int i = 0; i < records.size(); i++) {
			if (records.get(i).dynamodb().sequenceNumber().equals(lowest.failedSequenceNumber())) {
				return new BatchOutcome(i, lowest.failedSequenceNumber(), lowest.cause(), false);
			}
		}
		return new BatchOutcome(0, records.get(0).dynamodb().sequenceNumber(), lowest.cause(), false);
	}

}
