package dev.tributary.local.shard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tributary.ProcessorDefinition;
import dev.tributary.StartingPosition;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.local.LocalProcessor;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.ProcessorStatus;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.ShardState;
import dev.tributary.local.ShardStatus;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.checkpoint.StreamScopedCheckpointStore;
import dev.tributary.local.checkpoint.ShardLease;
import dev.tributary.local.failure.FailureDestination;
import dev.tributary.local.stream.ShardInfo;
import dev.tributary.local.stream.ShardSource;
import dev.tributary.local.stream.StreamNotFoundException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Feeds one processor from its stream (a table's, a Kinesis stream, any {@link ShardSource}): discovers shards, starts a
 * {@link ShardConsumer} for each shard whose parent is finished, on a bounded executor of its
 * own, and stops them on shutdown.
 * <p>
 * On the very first start with {@code LATEST} (or {@code AT_TIMESTAMP}), shards that are already closed are history and
 * are skipped; open shards start at {@code LATEST}, and a restart before their first record
 * resumes from the start time each {@link ShardConsumer} stored. Shards that appear later (children of a
 * split) are always read from their beginning, so nothing written after startup is missed.
 * <p>
 * A shard is read only under its lease ({@link ShardLeases}): when another instance holds it,
 * this one is a standby for the shard, asks again on every heartbeat, and takes over when the
 * holder releases the lease (graceful stop) or lets it expire (death). A lease that cannot be
 * renewed makes this instance stop reading the shard at once, without a checkpoint.
 * <p>
 * The coordinator thread is not a daemon: while processors run, a service without a web server
 * stays up; it ends on {@link #stop()}.
 * <p>
 * Discovery never gives up either: its calls go through a {@link CallRetrier}. When the stream
 * is gone ({@link StreamNotFoundException}: the emulator restarted, the table was deleted or
 * re-created), it says so once at ERROR, asks the source for its newest stream every discovery
 * interval ({@link ShardSource#latestStreamArn}), and reads that one from its start when there is
 * one.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
public final class ProcessorRuntime<R> implements LocalProcessor {

	private static final Log logger = LogFactory.getLog(ProcessorRuntime.class);

	private final ProcessorDefinition<?> processor;

	private final ShardStream<R> stream;

	private volatile String streamArn;

	private final ShardSource<R> source;

	private final CheckpointStore checkpoints;

	private final LocalRuntimeOptions options;

	private final RuntimeMetrics metrics;

	private final Clock clock;

	private final StopSignal stop = new StopSignal();

	private final StopSignal heartbeatStop = new StopSignal();

	private final ShardLeases leases;

	private final StandbyShards standby;

	/** Each running shard's own signal, to stop it alone when its lease is lost. */
	private final Map<String, StopSignal> shardSignals = new ConcurrentHashMap<>();

	/** Shards ready at the first discovery: they start at the processor's starting position. */
	private final Set<String> readyAtFirstStart = new HashSet<>();

	private final ShardBatches<R> batches;

	private final ThreadPoolExecutor shardExecutor;

	private final ThreadPoolExecutor laneExecutor;

	private final Map<String, ShardConsumer<R>> consumers = new ConcurrentHashMap<>();

	private final Map<String, ShardInfo> waiting = new ConcurrentHashMap<>();

	private volatile boolean running;

	private boolean firstDiscovery = true;

	/** Whether it was aborted, as a killed process: leases are kept until they expire. */
	private volatile boolean aborted;

	private final CallRetrier discovery;

	private boolean streamGoneReported;

	/** Whether the stream was replaced since startup: stored positions then belong to the old one. */
	private boolean streamReplaced;

	private Thread coordinator;

	private Thread heartbeat;

	/**
	 * Create the runtime of one processor.
	 * @param processor the processor
	 * @param stream the stream it reads
	 * @param invoker runs the processor on a batch of the source's records
	 * @param checkpoints where positions are stored
	 * @param destination where records go when retries run out
	 * @param options runtime settings
	 * @param metrics where metrics go
	 * @param clock the clock record ages are measured with
	 */
	public ProcessorRuntime(ProcessorDefinition<?> processor, ShardStream<R> stream, BatchInvoker<R, ?> invoker,
			CheckpointStore checkpoints, FailureDestination destination, LocalRuntimeOptions options,
			RuntimeMetrics metrics, Clock clock) {
		Assert.notNull(processor, "'processor' must not be null");
		Assert.notNull(stream, "'stream' must not be null");
		Assert.notNull(invoker, "'invoker' must not be null");
		Assert.notNull(checkpoints, "'checkpoints' must not be null");
		Assert.notNull(destination, "'destination' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.processor = processor;
		this.stream = stream;
		this.streamArn = stream.streamArn();
		this.source = stream.source();
		// Positions and leases are this processor's in this stream: another application's
		// processor of the same name, reading another stream through the same table, has its own.
		this.checkpoints = new StreamScopedCheckpointStore(checkpoints, () -> this.streamArn);
		this.options = options;
		this.metrics = metrics;
		this.clock = clock;
		this.leases = new ShardLeases(processor.name(), this.checkpoints, options.leaseDuration(),
				options.leaseHeartbeatInterval(), clock, ShardLeases.newOwner());
		this.standby = new StandbyShards(processor.name());
		this.shardExecutor = executor(options.maxShardThreads(), "shard");
		// Every shard read at the same time gets its full parallelization factor of lanes.
		int factor = processor.options().parallelizationFactor();
		this.laneExecutor = executor((factor > 1) ? factor * options.maxShardThreads() : 1, "lane");
		this.batches = new ShardBatches<>(processor, stream.type(), invoker, destination, options, metrics, clock,
				this.laneExecutor);
		this.discovery = new CallRetrier(processor.name(), "Processor '" + processor.name() + "' (shard discovery)",
				options, metrics, this.stop, clock, () -> {
				}, () -> false);
	}

	/**
	 * Start discovering and reading shards, in the background.
	 */
	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.coordinator = new Thread(this::coordinate, "tributary-" + this.processor.name());
		// Not a daemon: an application with processors and no web server stays up while they run.
		this.coordinator.setDaemon(false);
		this.heartbeat = new Thread(this::heartbeat, "tributary-" + this.processor.name() + "-lease");
		this.heartbeat.setDaemon(true);
		this.coordinator.start();
		this.heartbeat.start();
	}

	/**
	 * Stop polling, wait for in-flight batches up to the shutdown timeout, then abandon them
	 * without a checkpoint, and release the shards' leases so that a standby takes over at once.
	 */
	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.stop.stop();
		// Lanes stay available until the shards' in-flight batches (and their retries) are done.
		this.shardExecutor.shutdown();
		try {
			if (!this.shardExecutor.awaitTermination(this.options.shutdownTimeout().toMillis(),
					TimeUnit.MILLISECONDS)) {
				logger.warn("Processor '" + this.processor.name() + "' did not finish its in-flight batch within "
						+ this.options.shutdownTimeout() + "; abandoning it without a checkpoint");
				this.stop.abandon();
				this.shardExecutor.shutdownNow();
				this.laneExecutor.shutdownNow();
			}
			this.laneExecutor.shutdown();
			this.coordinator.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stop.abandon();
			this.shardExecutor.shutdownNow();
			this.laneExecutor.shutdownNow();
		}
		finally {
			this.heartbeatStop.stop();
			this.leases.releaseAll();
		}
	}

	/**
	 * Stop at once: in-flight batches are abandoned without a checkpoint, as when the process is
	 * killed.
	 */
	@Override
	public synchronized void abort() {
		this.aborted = true;
		this.heartbeatStop.stop();
		this.stop.abandon();
		this.running = false;
		this.shardExecutor.shutdownNow();
		this.laneExecutor.shutdownNow();
	}

	/**
	 * A snapshot of the processor and its shards.
	 * @return the status
	 */
	@Override
	public ProcessorStatus status() {
		List<ShardStatus> shards = new ArrayList<>();
		this.consumers.values().forEach((consumer) -> shards.add(consumer.status()));
		this.waiting.values()
			.forEach((shard) -> shards.add(new ShardStatus(shard.shardId(), shard.parentShardId(),
					ShardState.WAITING_FOR_PARENT, null, 0)));
		shards.addAll(this.standby.statuses());
		shards.sort((a, b) -> a.shardId().compareTo(b.shardId()));
		return new ProcessorStatus(this.processor.name(), this.stream.sourceName(), this.streamArn,
				this.running, shards, this.discovery.problem());
	}

	private void coordinate() {
		logger.info("Processor '" + this.processor.name() + "' reads " + this.streamArn + " ("
				+ (this.stream.settings().isEmpty() ? "" : this.stream.settings() + ", ") + startingPosition()
				+ " on first start, batch size " + this.processor.options().batchSize() + ", lease owner "
				+ this.leases.owner() + ")");
		Backoff unexpected = new Backoff(this.options.initialErrorBackoff(), this.options.maxErrorBackoff(), true);
		while (!this.stop.isStopping()) {
			Duration wait = this.options.shardDiscoveryInterval();
			try {
				if (this.consumers.values().stream().anyMatch(ShardConsumer::isStreamGone)) {
					throw new StreamNotFoundException(new IllegalStateException("A reader found the stream gone"));
				}
				if (this.consumers.values().stream().anyMatch(ShardConsumer::isUnavailable)) {
					// Failing reads with a stream that still answers: the table may have been
					// re-created (an emulator restart and a new provisioning) under the same name.
					findNewStream();
				}
				discover();
				unexpected.reset();
				if (this.consumers.values().stream().anyMatch(ShardConsumer::isEnded) && !this.waiting.isEmpty()) {
					wait = this.options.pollInterval();
				}
				else if (!this.standby.isEmpty() && this.options.leaseHeartbeatInterval().compareTo(wait) < 0) {
					// A standby asks for the lease as often as the holder renews it.
					wait = this.options.leaseHeartbeatInterval();
				}
			}
			catch (StreamNotFoundException ex) {
				if (this.stop.isStopping()) {
					return;
				}
				lookForANewStream(ex);
			}
			catch (RuntimeException ex) {
				if (this.stop.isStopping()) {
					return;
				}
				wait = unexpected.next();
				logger.error("Processor '" + this.processor.name() + "': unexpected error discovering the shards of "
						+ this.streamArn + "; trying again in " + wait.toMillis() + " ms", ex);
			}
			this.stop.await(wait);
		}
	}

	/**
	 * The stream is gone: say so once, and move to the source's newest stream when there is one.
	 */
	private void lookForANewStream(StreamNotFoundException ex) {
		String kind = this.stream.type().sourceKind();
		String name = this.stream.sourceName();
		if (!this.streamGoneReported) {
			this.streamGoneReported = true;
			logger.error("Processor '" + this.processor.name() + "' cannot read: stream " + this.streamArn
					+ " of " + kind + " '" + name + "' is gone (" + CallRetrier.errorCode(ex) + ": "
					+ CallRetrier.message(ex) + "). The AWS emulator was probably restarted (it keeps nothing), "
					+ "or the " + kind + " was deleted. Tributary looks for the " + kind + "'s stream every "
					+ this.options.shardDiscoveryInterval() + " and reads a new one from its start; create the "
					+ kind + " again (restarting the application provisions it) if it is gone for good.");
		}
		this.discovery.failedOutside("DescribeStream", ex, true);
		findNewStream();
	}

	/**
	 * Move to the source's newest stream if it is not the one read.
	 */
	private void findNewStream() {
		String table = this.stream.sourceName();
		Optional<String> latest;
		try {
			latest = this.source.latestStreamArn(table);
		}
		catch (RuntimeException failure) {
			this.metrics.awsCallFailed(this.processor.name(), "ListStreams", CallRetrier.errorCode(failure));
			logger.debug("Processor '" + this.processor.name() + "' could not list the streams of table '" + table
					+ "': " + failure);
			return;
		}
		if (latest.isEmpty() || latest.get().equals(this.streamArn)) {
			logger.debug("Processor '" + this.processor.name() + "': table '" + table + "' has no new stream yet");
			return;
		}
		logger.info("Processor '" + this.processor.name() + "' found stream " + latest.get() + " of table '" + table
				+ "' and reads it from its start (positions in the old stream do not apply to it)");
		this.consumers.values().forEach(ShardConsumer::retire);
		this.consumers.clear();
		this.waiting.clear();
		this.firstDiscovery = false;
		this.streamReplaced = true;
		this.streamArn = latest.get();
		this.streamGoneReported = false;
	}

	private void discover() {
		String stream = this.streamArn;
		List<ShardInfo> shards = this.discovery.call("DescribeStream", (ex) -> ex instanceof StreamNotFoundException,
				() -> this.source.listShards(stream));
		Set<String> started = this.consumers.keySet();
		List<ShardInfo> ready = ShardLineage.ready(shards, this::isEnded, started);
		this.waiting.clear();
		ShardLineage.waiting(shards, this::isEnded, started)
			.forEach((shard) -> this.waiting.put(shard.shardId(), shard));
		boolean first = this.firstDiscovery;
		this.firstDiscovery = false;
		if (first) {
			ready.forEach((shard) -> this.readyAtFirstStart.add(shard.shardId()));
		}
		Set<String> stillStandby = new HashSet<>();
		for (ShardInfo shard : ready) {
			// A shard taken over later still starts where a first start would, if it has no checkpoint.
			StartingPosition position = this.readyAtFirstStart.contains(shard.shardId())
					? this.stream.startingPosition() : StartingPosition.TRIM_HORIZON;
			if (first && position == StartingPosition.LATEST && shard.isClosed() && this.discovery
				.call("ReadCheckpoint", () -> this.checkpoints.find(this.processor.name(), shard.shardId()))
				.isEmpty()) {
				// History before the first start: LATEST means it is not read at all.
				this.discovery.run("WriteCheckpoint",
						() -> this.checkpoints.markShardEnded(this.processor.name(), shard.shardId(), null));
				continue;
			}
			if (this.stop.isStopping()) {
				// Stopping: a lease taken now might outlive the release on stop.
				return;
			}
			ShardLease lease = this.leases.acquire(shard.shardId());
			if (!lease.isHeldBy(this.leases.owner())) {
				stillStandby.add(shard.shardId());
				this.standby.add(shard, lease);
				continue;
			}
			this.standby.tookOver(shard.shardId(), this.leases.owner());
			StopSignal signal = this.stop.child();
			ShardContext context = new ShardContext(this.processor.name(), this.stream.sourceName(), stream,
					shard.shardId());
			ShardConsumer<R> consumer = new ShardConsumer<>(context, shard, position,
					(position == StartingPosition.AT_TIMESTAMP) ? this.stream.startingPositionTimestamp() : null,
					this.processor.options(), this.options, this.source, this.stream.type(), this.checkpoints,
					this.batches, this.metrics, signal, this.clock, this.streamReplaced);
			this.consumers.put(shard.shardId(), consumer);
			this.shardSignals.put(shard.shardId(), signal);
			this.shardExecutor.execute(() -> read(shard.shardId(), consumer, signal));
		}
		this.standby.retain(stillStandby);
	}

	private void read(String shardId, ShardConsumer<R> consumer, StopSignal signal) {
		try {
			consumer.run();
		}
		finally {
			this.stop.forget(signal);
			this.shardSignals.remove(shardId, signal);
			if (signal.isAbandoned() && !this.stop.isStopping()) {
				// Lease lost: forget the shard, so discovery asks for its lease again, as a standby.
				this.consumers.remove(shardId, consumer);
			}
			else if (!this.aborted) {
				// Ended, stopped or failed: another instance may read it (a child shard, after a restart).
				this.leases.release(shardId);
			}
		}
	}

	private void heartbeat() {
		while (!this.heartbeatStop.await(this.options.leaseHeartbeatInterval())) {
			try {
				for (String shardId : this.leases.renew()) {
					StopSignal signal = this.shardSignals.get(shardId);
					if (signal != null) {
						signal.abandon();
					}
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Processor '" + this.processor.name() + "' could not renew its leases: " + ex);
			}
		}
	}

	private boolean isEnded(String shardId) {
		ShardConsumer<R> consumer = this.consumers.get(shardId);
		if (consumer != null) {
			return consumer.isEnded();
		}
		return this.discovery.call("ReadCheckpoint", () -> this.checkpoints.find(this.processor.name(), shardId))
			.map((c) -> c.shardEnded())
			.orElse(false);
	}

	private String startingPosition() {
		Instant timestamp = this.stream.startingPositionTimestamp();
		return this.stream.startingPosition() + ((timestamp != null) ? " " + timestamp : "");
	}

	private ThreadPoolExecutor executor(int threads, String kind) {
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task,
							"tributary-" + this.processor.name() + "-" + kind + "-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

}
