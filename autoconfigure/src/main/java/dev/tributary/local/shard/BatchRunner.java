package dev.tributary.local.shard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.tributary.ProcessorOptions;
import dev.tributary.batch.BatchOutcome;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.failure.FailedBatch;
import dev.tributary.local.failure.FailedBatch.Reason;
import dev.tributary.local.failure.FailureDestination;
import dev.tributary.local.shard.KeyedParallelInvoker.Attempt;
import dev.tributary.local.shard.ShardBatches.RetryListener;
import dev.tributary.local.stream.ShardRecordType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Runs one batch to completion with the failure semantics of Lambda's event source mapping:
 * where the batch failed comes from {@link dev.tributary.batch.BatchInvoker} (records before the
 * failed one are checkpointed, the rest retried); retries back off exponentially up to the
 * maximum retry attempts; with bisection a failed batch is split in two and each half run on
 * its own (splitting does not count as a retry); records older than the maximum record age are
 * not retried; records given up on go to the failure destination and are checkpointed past.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
final class BatchRunner<R> {

	private static final Log logger = LogFactory.getLog(BatchRunner.class);

	private final KeyedParallelInvoker<R> invoker;

	private final ShardRecordType<R> type;

	private final ProcessorOptions options;

	private final LocalRuntimeOptions runtimeOptions;

	private final FailureDestination destination;

	private final RuntimeMetrics metrics;

	private final Clock clock;

	BatchRunner(KeyedParallelInvoker<R> invoker, ShardRecordType<R> type, ProcessorOptions options,
			LocalRuntimeOptions runtimeOptions, FailureDestination destination, RuntimeMetrics metrics, Clock clock) {
		this.invoker = invoker;
		this.type = type;
		this.options = options;
		this.runtimeOptions = runtimeOptions;
		this.destination = destination;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Run a batch until it succeeds or its failed records are handed to the destination.
	 * @param batch the records, in sequence order, not empty
	 * @param shard where they come from
	 * @param checkpointer moves the checkpoint past records that are done
	 * @param stop the stop signal; a stop during a retry wait abandons the batch
	 * @param calls makes the shard's AWS calls (the hand-over to the failure destination)
	 * @param retrying called with {@code true} when retries start and {@code false} when they end
	 * @throws AbandonedException if stopped before the batch finished
	 */
	void run(List<R> batch, ShardContext shard, Checkpointer checkpointer, StopSignal stop, CallRetrier calls,
			RetryListener retrying) {
		try {
			run(batch, 0, new HashSet<>(), new Attempts(shard, checkpointer, stop, calls, retrying));
		}
		finally {
			retrying.retrying(false);
		}
	}

	/**
	 * Run records until they are done. {@code done} holds the sequence numbers of records of
	 * the batch that need no further run: completed by a lane whose neighbour failed, or handed
	 * to the failure destination for their age.
	 */
	private void run(List<R> batch, int retries, Set<String> done, Attempts attempts) {
		ShardContext shard = attempts.shard();
		Checkpointer checkpointer = attempts.checkpointer();
		StopSignal stop = attempts.stop();
		List<R> remaining = batch;
		int retriesUsed = retries;
		Backoff backoff = new Backoff(this.runtimeOptions.initialRetryBackoff(),
				this.runtimeOptions.maxRetryBackoff());
		@Nullable BatchOutcome lastFailure = null;
		while (true) {
			expire(remaining, done, attempts, retriesUsed, lastFailure);
			remaining = skipDone(remaining, done, checkpointer);
			if (remaining.isEmpty()) {
				return;
			}
			List<R> pending = notDone(remaining, done);
			long start = System.nanoTime();
			Attempt attempt = this.invoker.invoke(pending, shard.streamArn());
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			if (stop.isAbandoned()) {
				throw new AbandonedException();
			}
			BatchOutcome outcome = attempt.outcome();
			if (outcome.isSuccess()) {
				this.metrics.batchSucceeded(shard.processor(), shard.source(), pending.size(), took);
				checkpointer.checkpoint(last(remaining));
				return;
			}
			this.metrics.batchFailed(shard.processor(), shard.source(), took);
			if (!attempt.completed().isEmpty()) {
				this.metrics.batchSucceeded(shard.processor(), shard.source(), attempt.completed().size(),
						Duration.ZERO);
				done.addAll(attempt.completed());
			}
			remaining = skipDone(remaining, done, checkpointer);
			lastFailure = outcome;
			logFailure(shard, remaining, done, outcome, retriesUsed);
			if (this.options.bisectOnError() && notDone(remaining, done).size() > 1) {
				int middle = remaining.size() / 2;
				run(remaining.subList(0, middle), retriesUsed, done, attempts);
				run(remaining.subList(middle, remaining.size()), retriesUsed, done, attempts);
				return;
			}
			if (this.options.maxRetryAttempts() != ProcessorOptions.UNLIMITED
					&& retriesUsed >= this.options.maxRetryAttempts()) {
				giveUp(attempts, notDone(remaining, done), Reason.RETRY_ATTEMPTS_EXHAUSTED, outcome, retriesUsed + 1);
				checkpointer.checkpoint(last(remaining));
				return;
			}
			retriesUsed++;
			attempts.retrying().retrying(true);
			this.metrics.retried(shard.processor(), shard.source());
			if (stop.await(backoff.next())) {
				throw new AbandonedException();
			}
		}
	}

	/**
	 * Hand records older than the maximum record age to the failure destination instead of
	 * (re)trying them, and count them as done.
	 */
	private void expire(List<R> records, Set<String> done, Attempts attempts, int retriesUsed,
			@Nullable BatchOutcome lastFailure) {
		ShardContext shard = attempts.shard();
		Optional<Duration> maxAge = this.options.maxRecordAge();
		if (maxAge.isEmpty()) {
			return;
		}
		Instant oldest = this.clock.instant().minus(maxAge.get());
		List<R> expired = new ArrayList<>();
		for (R record : notDone(records, done)) {
			Instant created = this.type.approximateCreationTime(record);
			if (created != null && created.isBefore(oldest)) {
				expired.add(record);
			}
		}
		if (expired.isEmpty()) {
			return;
		}
		send(new FailedBatch<>(shard.processor(), shard.source(), shard.streamArn(), shard.shardId(), expired,
				this.type, Reason.RECORD_AGE_EXCEEDED, errorType(lastFailure), errorMessage(lastFailure), retriesUsed), attempts);
		expired.forEach((record) -> done.add(this.type.sequenceNumber(record)));
	}

	/**
	 * Checkpoint past the records at the start that are done and drop them.
	 */
	private List<R> skipDone(List<R> records, Set<String> done, Checkpointer checkpointer) {
		int first = 0;
		while (first < records.size() && done.contains(this.type.sequenceNumber(records.get(first)))) {
			first++;
		}
		if (first > 0) {
			checkpointer.checkpoint(this.type.sequenceNumber(records.get(first - 1)));
		}
		return records.subList(first, records.size());
	}

	private List<R> notDone(List<R> records, Set<String> done) {
		if (done.isEmpty()) {
			return records;
		}
		return records.stream().filter((record) -> !done.contains(this.type.sequenceNumber(record))).toList();
	}

	private void giveUp(Attempts attempts, List<R> records, Reason reason, BatchOutcome outcome, int tries) {
		ShardContext shard = attempts.shard();
		send(new FailedBatch<>(shard.processor(), shard.source(), shard.streamArn(), shard.shardId(), records,
				this.type, reason, errorType(outcome), errorMessage(outcome), tries), attempts);
	}

	/**
	 * Never move past records that reached no destination: the hand-over is tried until it
	 * works or the runtime stops.
	 */
	private void send(FailedBatch<R> failed, Attempts attempts) {
		attempts.calls().run("SendToFailureDestination", () -> this.destination.send(failed));
		this.metrics.recordsFailed(failed.processor(), failed.source(), failed.records().size());
	}

	private void logFailure(ShardContext shard, List<R> remaining, Set<String> done, BatchOutcome outcome,
			int retriesUsed) {
		if (logger.isWarnEnabled()) {
			logger.warn("Processor '" + shard.processor() + "' failed at record " + outcome.failedItemIdentifier()
					+ " of shard " + shard.shardId() + " (" + notDone(remaining, done).size()
					+ " record(s) left, attempt "
					+ (retriesUsed + 1) + "): " + errorType(outcome) + ": " + errorMessage(outcome));
		}
	}

	private static String errorType(@Nullable BatchOutcome outcome) {
		return (outcome != null && outcome.cause() != null) ? outcome.cause().getClass().getName() : "";
	}

	private static String errorMessage(@Nullable BatchOutcome outcome) {
		String message = (outcome != null && outcome.cause() != null) ? outcome.cause().getMessage() : null;
		return (message != null) ? message : "";
	}

	private String last(List<R> records) {
		return this.type.sequenceNumber(records.get(records.size() - 1));
	}

	/**
	 * What every attempt of one batch shares.
	 */
	private record Attempts(ShardContext shard, Checkpointer checkpointer, StopSignal stop, CallRetrier calls,
			RetryListener retrying) {

	}

}
