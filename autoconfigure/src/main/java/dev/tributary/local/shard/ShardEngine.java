package dev.tributary.local.shard;

import java.time.Clock;
import java.util.concurrent.Executor;

import dev.tributary.ProcessorDefinition;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.local.FailureDestinationResolver;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.stream.ShardRecordType;

import org.springframework.util.Assert;

/**
 * What every processor's runtime shares, whatever its source: where positions are stored,
 * where failed records go, the runtime's settings, metrics and clock. A source's local runtime
 * asks it for one {@link ProcessorRuntime} per processor, giving only what is the source's own:
 * the stream and the batch invoker.
 *
 * @author Tributary
 */
public final class ShardEngine {

	private final CheckpointStore checkpoints;

	private final FailureDestinationResolver destinations;

	private final LocalRuntimeOptions options;

	private final RuntimeMetrics metrics;

	private final Clock clock;

	/**
	 * Create the engine.
	 * @param checkpoints stores positions
	 * @param destinations where failed records go, per processor
	 * @param options runtime settings
	 * @param metrics where metrics go
	 * @param clock the clock record ages are measured with
	 */
	public ShardEngine(CheckpointStore checkpoints, FailureDestinationResolver destinations,
			LocalRuntimeOptions options, RuntimeMetrics metrics, Clock clock) {
		Assert.notNull(checkpoints, "'checkpoints' must not be null");
		Assert.notNull(destinations, "'destinations' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.checkpoints = checkpoints;
		this.destinations = destinations;
		this.options = options;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * The runtime of one processor, not started.
	 * @param <R> the source's raw record type
	 * @param processor the processor
	 * @param stream the stream it reads
	 * @param invoker runs it on a batch of the source's records
	 * @return the runtime
	 */
	public <R> ProcessorRuntime<R> runtime(ProcessorDefinition<?> processor, ShardStream<R> stream,
			BatchInvoker<R, ?> invoker) {
		return new ProcessorRuntime<>(processor, stream, invoker, this.checkpoints,
				this.destinations.resolve(processor), this.options, this.metrics, this.clock);
	}

	/**
	 * How batches of one processor are run, for an engine that reads shards on its own (the KCL
	 * runtime): the same filter, lanes, retries and failure destination as this engine's readers.
	 * @param <R> the source's raw record type
	 * @param processor the processor
	 * @param type what the source's records are
	 * @param invoker runs it on a batch of the source's records
	 * @param lanes runs the lanes of a batch when the parallelization factor is above 1
	 * @return the batches
	 */
	public <R> ShardBatches<R> batches(ProcessorDefinition<?> processor, ShardRecordType<R> type,
			BatchInvoker<R, ?> invoker, Executor lanes) {
		return new ShardBatches<>(processor, type, invoker, this.destinations.resolve(processor), this.options,
				this.metrics, this.clock, lanes);
	}

	/**
	 * The clock record ages and deadlines are measured with.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * Where metrics go.
	 * @return the metrics
	 */
	public RuntimeMetrics metrics() {
		return this.metrics;
	}

	/**
	 * The runtime's settings.
	 * @return the options
	 */
	public LocalRuntimeOptions options() {
		return this.options;
	}

}
