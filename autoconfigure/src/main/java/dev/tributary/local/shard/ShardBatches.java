package dev.tributary.local.shard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import dev.tributary.ProcessorDefinition;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.failure.FailureDestination;
import dev.tributary.local.filter.RecordFilter;
import dev.tributary.local.stream.ShardRecordType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * What happens to one batch of a shard's records, whichever engine reads the shard (the local
 * runtime's {@link ShardConsumer}, the KCL runtime's record processor): records the processor's
 * filter rejects are skipped, the rest run through the {@link BatchRunner} (lanes by partition
 * key, partial failures, retries, bisection, record age, failure destination, meters), and the
 * batch's last record is checkpointed once every record is done. The reading engine owns the
 * position: it is handed a {@link Checkpointer} per batch and never reached back.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
public final class ShardBatches<R> {

	private static final Log logger = LogFactory.getLog(ShardBatches.class);

	private final ShardRecordType<R> type;

	private final RecordFilter filter;

	private final BatchRunner<R> runner;

	/**
	 * Create the batches of one processor.
	 * @param processor the processor: its filter patterns, parallelization factor and failure
	 * options
	 * @param type what the source's records are
	 * @param invoker runs the processor on a batch of the source's records
	 * @param destination where records go when retries or their age run out
	 * @param options the retry backoff
	 * @param metrics where batches, retries and failed records are counted
	 * @param clock the clock record ages are measured with
	 * @param lanes runs the lanes of a batch when the parallelization factor is above 1
	 */
	public ShardBatches(ProcessorDefinition<?> processor, ShardRecordType<R> type, BatchInvoker<R, ?> invoker,
			FailureDestination destination, LocalRuntimeOptions options, RuntimeMetrics metrics, Clock clock,
			Executor lanes) {
		Assert.notNull(processor, "'processor' must not be null");
		Assert.notNull(type, "'type' must not be null");
		Assert.notNull(invoker, "'invoker' must not be null");
		Assert.notNull(destination, "'destination' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		Assert.notNull(lanes, "'lanes' must not be null");
		this.type = type;
		this.filter = RecordFilter.of(processor.options().filterPatterns());
		this.runner = new BatchRunner<>(
				new KeyedParallelInvoker<>(invoker, processor.options().parallelizationFactor(), lanes), type,
				processor.options(), options, destination, metrics, clock);
	}

	/**
	 * Run one batch until every record is processed, skipped by the filter or handed to the
	 * failure destination, then checkpoint its last record.
	 * @param batch the records, in sequence order, not empty
	 * @param shard where they come from
	 * @param checkpointer moves the shard's position forward
	 * @param stop the stop signal; a stop during a retry wait abandons the batch
	 * @param calls makes the shard's AWS calls (the hand-over to the failure destination)
	 * @param retrying told when retries start and end
	 * @return how many records the processor completed (those the filter let through)
	 * @throws AbandonedException if stopped before the batch finished: no checkpoint was written
	 * for the records not done
	 */
	public int process(List<R> batch, ShardContext shard, Checkpointer checkpointer, StopSignal stop,
			CallRetrier calls, RetryListener retrying) {
		Assert.notEmpty(batch, "'batch' must not be empty");
		String last = this.type.sequenceNumber(batch.get(batch.size() - 1));
		List<R> matching = new ArrayList<>(batch.size());
		for (R record : batch) {
			if (this.filter.matches(record, shard.streamArn(), this.type)) {
				matching.add(record);
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Processor '" + shard.processor() + "': batch of " + matching.size() + " record(s) ("
					+ (batch.size() - matching.size()) + " filtered out) from shard " + shard.shardId()
					+ ", sequence numbers " + this.type.sequenceNumber(batch.get(0)) + " to " + last);
		}
		if (!matching.isEmpty()) {
			this.runner.run(matching, shard, checkpointer, stop, calls, retrying);
		}
		checkpointer.checkpoint(last);
		return matching.size();
	}

	/**
	 * Told when a batch starts and stops being retried, for the shard's state.
	 */
	@FunctionalInterface
	public interface RetryListener {

		/**
		 * The batch is retried, or no longer.
		 * @param retrying whether it is retried now
		 */
		void retrying(boolean retrying);

	}

}
