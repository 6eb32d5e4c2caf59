package dev.tributary.kcl;

import java.time.Duration;
import java.util.List;

import dev.tributary.local.shard.AbandonedException;
import dev.tributary.local.shard.CallRetrier;
import dev.tributary.local.shard.ShardContext;
import dev.tributary.local.shard.StopSignal;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * One shard of one processor while this worker holds its lease: each batch KCL hands out goes
 * through the processor's {@link dev.tributary.local.shard.ShardBatches} and is checkpointed
 * through KCL ({@link KclCheckpointer}). {@code processRecords} returns only when the batch is
 * done, so KCL never hands out the next batch of a shard before the previous one is checkpointed.
 * <p>
 * A batch ends without a checkpoint when the lease is lost (another worker took the shard; it
 * resumes from the last checkpoint), when shutdown interrupts its retries, or when the
 * processor's runtime is stopped; the shard then processes nothing more, so that nothing is
 * skipped: KCL hands the shard to this or another worker, starting at the checkpoint.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
class KclShardProcessor<R> implements ShardRecordProcessor {

	private static final Log logger = LogFactory.getLog(KclShardProcessor.class);

	private final KclPipeline<R> pipeline;

	private @Nullable ShardContext context;

	private @Nullable StopSignal stop;

	private @Nullable CallRetrier calls;

	private KclShards.@Nullable Shard shard;

	KclShardProcessor(KclPipeline<R> pipeline) {
		this.pipeline = pipeline;
	}

	@Override
	public void initialize(InitializationInput input) {
		KclPipeline<R> p = this.pipeline;
		StopSignal signal = p.stop().child();
		this.stop = signal;
		this.context = new ShardContext(p.processor(), p.sourceName(), p.streamArn(), input.shardId());
		this.calls = new CallRetrier(p.processor(), "Processor '" + p.processor() + "', shard " + input.shardId(),
				p.options(), p.metrics(), signal, p.clock(), () -> p.metrics().readFailing(p.processor(),
						p.sourceName()), () -> false);
		String from = (input.extendedSequenceNumber() != null) ? input.extendedSequenceNumber().sequenceNumber()
				: null;
		this.shard = p.shards().started(input.shardId(), from, this.calls);
		logger.info("Processor '" + p.processor() + "' took the lease of shard " + input.shardId() + " (from "
				+ from + ")");
	}

	@Override
	public void processRecords(ProcessRecordsInput input) {
		process(input.records(), input.checkpointer(), input.millisBehindLatest());
	}

	/**
	 * Run one batch KCL handed out.
	 * @param records the records
	 * @param kclCheckpointer the batch's checkpointer
	 * @param millisBehindLatest how far behind the shard's tip the batch is, if known
	 */
	final void process(List<? extends KinesisClientRecord> records, RecordProcessorCheckpointer kclCheckpointer,
			@Nullable Long millisBehindLatest) {
		StopSignal signal = state(this.stop);
		ShardContext shardContext = state(this.context);
		KclShards.Shard status = state(this.shard);
		if (signal.isStopping()) {
			// Abandoned or stopping: what is left is the next holder's, from the checkpoint.
			return;
		}
		KclPipeline<R> p = this.pipeline;
		if (millisBehindLatest != null) {
			p.metrics().iteratorAge(p.processor(), p.sourceName(), Duration.ofMillis(millisBehindLatest));
		}
		if (records.isEmpty()) {
			return;
		}
		List<R> batch = records.stream()
			.map((record) -> p.reader().read(record, shardContext.shardId(), p.streamArn()))
			.toList();
		KclCheckpointer checkpointer = new KclCheckpointer(kclCheckpointer, signal, state(this.calls), status);
		try {
			status.processed(p.batches().process(batch, shardContext, checkpointer, signal, state(this.calls),
					status::retrying));
		}
		catch (AbandonedException ex) {
			signal.abandon();
			logger.info("Abandoned the in-flight batch of " + shardContext + " without a checkpoint; it is "
					+ "processed again after " + status.checkpoint() + " by the shard's next holder");
		}
		catch (RuntimeException ex) {
			// Returning normally would let KCL hand out the next batch and skip this one.
			signal.abandon();
			logger.error("Unexpected error processing a batch of " + shardContext + "; stopped reading the shard "
					+ "without a checkpoint: it is processed again after " + status.checkpoint()
					+ " when this worker restarts or another takes the lease", ex);
		}
	}

	@Override
	public void leaseLost(LeaseLostInput input) {
		StopSignal signal = this.stop;
		if (signal != null) {
			signal.abandon();
		}
		end("lost the lease of");
	}

	@Override
	public void shardEnded(ShardEndedInput input) {
		// KCL starts the children only once the parent is checkpointed at its end.
		CallRetrier shardCalls = state(this.calls);
		shardCalls.run("Checkpoint", () -> KclCheckpointer.atShardEnd(input.checkpointer(), state(this.stop)));
		end("finished closed");
	}

	@Override
	public void shutdownRequested(ShutdownRequestedInput input) {
		// Every finished batch is checkpointed already; an abandoned one must not be.
		StopSignal signal = this.stop;
		if (signal != null) {
			signal.stop();
		}
		end("handed over");
	}

	private void end(String what) {
		KclShards.Shard status = this.shard;
		// A graceful shutdown ends the shard twice: requested, then the lease dropped.
		this.shard = null;
		StopSignal signal = this.stop;
		if (signal != null) {
			this.pipeline.stop().forget(signal);
		}
		if (status != null) {
			this.pipeline.shards().ended(status);
			logger.info("Processor '" + this.pipeline.processor() + "' " + what + " shard "
					+ state(this.context).shardId() + " at " + status.checkpoint());
		}
	}

	private static <T> T state(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("KCL called the record processor before initialize");
		}
		return value;
	}

}
