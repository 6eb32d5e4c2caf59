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
import dev.tributary.batch.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * Lambda's parallelization factor within one shard: records are split into lanes by partition
 * key, each lane keeps its records in order and lanes run concurrently, each as an invocation
 * of its own. The attempt reports which records each lane completed, so a retry runs only what
 * is left: the failed lanes from their failed record on, never the records other lanes
 * completed.
 * <p>
 * The source is known only through the invoker's {@link dev.tributary.batch.SourceType}: its
 * ordering key picks the lane, its item identifier names the completed records.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
final class KeyedParallelInvoker<R> {

	private final BatchInvoker<R, ?> invoker;

	private final SourceType<R, ?> source;

	private final int lanes;

	private final Executor executor;

	KeyedParallelInvoker(BatchInvoker<R, ?> invoker, int lanes, Executor executor) {
		this.invoker = invoker;
		this.source = invoker.source();
		this.lanes = lanes;
		this.executor = executor;
	}

	/**
	 * Run records, in lanes when the parallelization factor is above 1.
	 * @param records the records, in order
	 * @param streamArn the stream they come from
	 * @return the lowest failure of any lane and the records that were completed
	 */
	Attempt invoke(List<R> records, @Nullable String streamArn) {
		if (this.lanes <= 1 || records.size() <= 1) {
			BatchOutcome outcome = this.invoker.invoke(records, streamArn, null);
			return new Attempt(outcome, completed(records, outcome));
		}
		Map<Integer, List<R>> byLane = new LinkedHashMap<>();
		for (R record : records) {
			Object key = this.source.orderingKey(record);
			int lane = Math.floorMod(Objects.hashCode(key), this.lanes);
			byLane.computeIfAbsent(lane, (ignored) -> new ArrayList<>()).add(record);
		}
		List<List<R>> laneRecords = List.copyOf(byLane.values());
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
			String identifier = this.source.itemIdentifier(records.get(i));
			if (!completed.contains(identifier)) {
				return new Attempt(new BatchOutcome(i, identifier, causeOf(laneRecords, outcomes, identifier),
						false), completed);
			}
		}
		return new Attempt(BatchOutcome.success(), completed);
	}

	private @Nullable Throwable causeOf(List<List<R>> laneRecords,
			List<CompletableFuture<BatchOutcome>> outcomes, String identifier) {
		for (int i = 0; i < laneRecords.size(); i++) {
			if (laneRecords.get(i).stream().anyMatch((r) -> this.source.itemIdentifier(r).equals(identifier))) {
				return outcomes.get(i).join().cause();
			}
		}
		return null;
	}

	private Set<String> completed(List<R> records, BatchOutcome outcome) {
		int end = outcome.isSuccess() ? records.size() : outcome.failedIndex();
		Set<String> completed = new HashSet<>();
		for (int i = 0; i < end; i++) {
			completed.add(this.source.itemIdentifier(records.get(i)));
		}
		return completed;
	}

	/**
	 * One attempt at some records.
	 *
	 * @param outcome where the records failed: at the lowest record no lane completed
	 * @param completed item identifiers of the records that were processed
	 */
	record Attempt(BatchOutcome outcome, Set<String> completed) {

	}

}
