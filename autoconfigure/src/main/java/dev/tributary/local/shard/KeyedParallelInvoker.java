package dev.tributary.local.shard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.BatchOutcome;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Lambda's parallelization factor within one shard: records are split into lanes by partition
 * key, each lane keeps its records in order and lanes run concurrently, each as an invocation
 * of its own. The attempt reports which records each lane completed, so a retry runs only what
 * is left: the failed lanes from their failed record on, never the records other lanes
 * completed.
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

	/**
	 * Run records, in lanes when the parallelization factor is above 1.
	 * @param records the records, in sequence order
	 * @param streamArn the stream they come from
	 * @return the lowest failure of any lane and the records that were completed
	 */
	Attempt invoke(List<Record> records, @Nullable String streamArn) {
		if (this.lanes <= 1 || records.size() <= 1) {
			BatchOutcome outcome = this.invoker.invoke(records, streamArn, null);
			return new Attempt(outcome, completed(records, outcome));
		}
		Map<Integer, List<Record>> byLane = new LinkedHashMap<>();
		for (Record record : records) {
			AttributeValue key = record.dynamodb().keys().get(this.partitionKey);
			int lane = Math.floorMod(Objects.hashCode(key), this.lanes);
			byLane.computeIfAbsent(lane, (ignored) -> new ArrayList<>()).add(record);
		}
		List<List<Record>> laneRecords = List.copyOf(byLane.values());
		List<CompletableFuture<BatchOutcome>> outcomes = laneRecords.stream()
			.map((lane) -> CompletableFuture.supplyAsync(() -> this.invoker.invoke(lane, streamArn, null),
					this.executor))
			.toList();
		Set<String> completed = new HashSet<>();
		for (int i = 0; i < outcomes.size(); i++) {
			BatchOutcome outcome = outcomes.get(i).join();
			completed.addAll(completed(laneRecords.get(i), outcome));
		}
		for (int i = 0; i < records.size(); i++) {
			String sequenceNumber = records.get(i).dynamodb().sequenceNumber();
			if (!completed.contains(sequenceNumber)) {
				return new Attempt(new BatchOutcome(i, sequenceNumber, causeOf(laneRecords, outcomes, sequenceNumber),
						false), completed);
			}
		}
		return new Attempt(BatchOutcome.success(), completed);
	}

	private static @Nullable Throwable causeOf(List<List<Record>> laneRecords,
			List<CompletableFuture<BatchOutcome>> outcomes, String sequenceNumber) {
		for (int i = 0; i < laneRecords.size(); i++) {
			if (laneRecords.get(i).stream().anyMatch((r) -> r.dynamodb().sequenceNumber().equals(sequenceNumber))) {
				return outcomes.get(i).join().cause();
			}
		}
		return null;
	}

	private static Set<String> completed(List<Record> records, BatchOutcome outcome) {
		int end = outcome.isSuccess() ? records.size() : outcome.failedIndex();
		Set<String> completed = new HashSet<>();
		for (int i = 0; i < end; i++) {
			completed.add(records.get(i).dynamodb().sequenceNumber());
		}
		return completed;
	}

	/**
	 * One attempt at some records.
	 *
	 * @param outcome where the records failed: at the lowest record no lane completed
	 * @param completed sequence numbers of the records that were processed
	 */
	record Attempt(BatchOutcome outcome, Set<String> completed) {

	}

}
