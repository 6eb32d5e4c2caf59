package dev.tributary.local.shard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.ShardState;
import dev.tributary.local.ShardStatus;
import dev.tributary.local.checkpoint.Checkpoint;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.stream.ExpiredShardIteratorException;
import dev.tributary.local.stream.ShardInfo;
import dev.tributary.local.stream.ShardPage;
import dev.tributary.local.stream.ShardPosition;
import dev.tributary.local.stream.ShardRecordType;
import dev.tributary.local.stream.ShardSource;
import dev.tributary.local.stream.ShardTrimmedException;
import dev.tributary.local.stream.StreamNotFoundException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads one shard for one processor, in order, until the shard ends or the runtime stops:
 * gathers batches (batch size, maximum batching window) and hands each to the processor's
 * {@link ShardBatches} (filter, retries, checkpoint after the batch). Re-acquires expired
 * iterators from the checkpoint, reports trimmed data as a gap and resumes at the trim horizon,
 * and backs off when idle. Until its first checkpoint, the time it started reading
 * is its position: stored before the first iterator, so a restart does not start at
 * {@code LATEST} again and miss what was written in between.
 * <p>
 * It never gives up while the runtime runs: every stream and checkpoint call goes through a
 * {@link CallRetrier} (backoff, state, meters, one log line per streak); an unexpected error
 * starts reading again from the last checkpoint after a backoff. Only a stream that is gone
 * ({@link StreamNotFoundException}) ends it: the {@link ProcessorRuntime} then looks for the
 * source's new stream. It reads any shard source: the source's calls come through a
 * {@link ShardSource}, and what it needs of a record through a {@link ShardRecordType}.
 * <p>
 * {@code AT_TIMESTAMP} (Kinesis) starts every shard ready at the first start at the timestamp,
 * a restart before the first record included.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
final class ShardConsumer<R> implements Runnable {

	private static final Log logger = LogFactory.getLog(ShardConsumer.class);

	/**
	 * Stream timestamps are rounded down to the second and come from the service's clock, not
	 * ours: records up to this much older than the start are read rather than risk missing one.
	 */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(1);

	private final ShardContext context;

	private final ShardInfo shard;

	private final StartingPosition initialPosition;

	private final @Nullable Instant initialTimestamp;

	private final ProcessorOptions options;

	private final LocalRuntimeOptions runtimeOptions;

	private final ShardSource<R> source;

	private final ShardRecordType<R> type;

	private final CheckpointStore checkpoints;

	private final ShardBatches<R> batches;

	private final RuntimeMetrics metrics;

	private final StopSignal stop;

	private final Clock clock;

	private final AtomicLong processed = new AtomicLong();

	private final CallRetrier calls;

	private volatile ShardState state = ShardState.STARTING;

	/** Set when the stream is gone, or when the runtime moved to a new stream. */
	private volatile boolean retired;

	private volatile boolean streamGone;

	private boolean started;

	/** Whether positions stored before are ignored: they belong to a stream that was replaced. */
	private final boolean ignoreStoredPosition;

	private volatile @Nullable String position;

	private volatile @Nullable String lastRead;

	/** When reading began without a position; {@link Instant#EPOCH} for the trim horizon. */
	private @Nullable Instant startedAt;

	/** Whether the next iterator may be LATEST: only the first one of a first start. */
	private boolean latestAllowed;

	/** Records created before this are older than the start: skipped until a newer one is read. */
	private @Nullable Instant skipBefore;

	ShardConsumer(ShardContext context, ShardInfo shard, StartingPosition initialPosition,
			@Nullable Instant initialTimestamp, ProcessorOptions options, LocalRuntimeOptions runtimeOptions,
			ShardSource<R> source, ShardRecordType<R> type, CheckpointStore checkpoints, ShardBatches<R> batches,
			RuntimeMetrics metrics, StopSignal stop, Clock clock, boolean ignoreStoredPosition) {
		this.ignoreStoredPosition = ignoreStoredPosition;
		this.context = context;
		this.shard = shard;
		this.initialPosition = initialPosition;
		this.initialTimestamp = initialTimestamp;
		this.options = options;
		this.runtimeOptions = runtimeOptions;
		this.source = source;
		this.type = type;
		this.checkpoints = checkpoints;
		this.batches = batches;
		this.metrics = metrics;
		this.stop = stop;
		this.clock = clock;
		this.calls = new CallRetrier(context.processor(), "Processor '" + context.processor() + "', shard "
				+ shard.shardId(), runtimeOptions, metrics, stop, clock,
				() -> metrics.readFailing(context.processor(), context.source()), () -> this.retired);
	}

	ShardStatus status() {
		ShardState failing = this.calls.failingState();
		ShardState current = this.state;
		boolean done = current == ShardState.ENDED || current == ShardState.STOPPED;
		return new ShardStatus(this.shard.shardId(), this.shard.parentShardId(),
				(failing != null && !done) ? failing : current, this.position, this.processed.get(),
				this.calls.problem());
	}

	/**
	 * Whether reading ended because the stream is gone.
	 * @return whether the stream is gone
	 */
	boolean isStreamGone() {
		return this.streamGone;
	}

	/**
	 * Whether reading has been failing for a while: the stream may have been replaced.
	 * @return whether the reader is unavailable
	 */
	boolean isUnavailable() {
		return this.calls.failingState() == ShardState.UNAVAILABLE;
	}

	/**
	 * Stop reading (after the in-flight batch): the runtime reads another stream now.
	 */
	void retire() {
		this.retired = true;
	}

	boolean isEnded() {
		return this.state == ShardState.ENDED;
	}

	@Override
	public void run() {
		Backoff unexpected = new Backoff(this.runtimeOptions.initialErrorBackoff(),
				this.runtimeOptions.maxErrorBackoff(), true);
		while (!isStopping()) {
			try {
				if (!this.started && !start()) {
					return;
				}
				consume();
				break;
			}
			catch (AbandonedException ex) {
				if (this.retired) {
					logger.debug("Stopped reading " + this.context + ": its stream was replaced");
					break;
				}
				logger.info("Abandoned the in-flight batch of " + this.context + " on shutdown; it will be "
						+ "processed again after " + this.position);
				break;
			}
			catch (StreamNotFoundException ex) {
				if (isStopping()) {
					break;
				}
				// The ProcessorRuntime reports it once, and looks for the table's new stream.
				this.calls.failedOutside("GetRecords", ex, true);
				this.streamGone = true;
				this.retired = true;
				logger.debug("Stopped reading " + this.context + ": the stream is gone (" + ex.getMessage() + ")");
				return;
			}
			catch (RuntimeException ex) {
				if (isStopping()) {
					logger.debug("Stopped reading " + this.context + " after " + ex);
					break;
				}
				Duration wait = unexpected.next();
				this.calls.failedOutside("read", ex, false);
				logger.error("Unexpected error reading " + this.context + " at " + this.position
						+ "; reading again from the last checkpoint in " + wait.toMillis() + " ms", ex);
				if (this.stop.await(wait)) {
					break;
				}
			}
		}
		if (this.state != ShardState.ENDED) {
			this.state = ShardState.STOPPED;
		}
	}

	/**
	 * Find where to start: the checkpoint, else the start time, stored before the first iterator.
	 * @return whether to read, {@code false} when the shard was read to its end before
	 */
	private boolean start() {
		Optional<Checkpoint> checkpoint = this.ignoreStoredPosition ? Optional.empty() : this.calls
			.call("ReadCheckpoint", () -> this.checkpoints.find(this.context.processor(), this.shard.shardId()));
		if (checkpoint.isPresent() && checkpoint.get().shardEnded()) {
			this.position = checkpoint.get().sequenceNumber();
			this.state = ShardState.ENDED;
			return false;
		}
		this.position = checkpoint.map(Checkpoint::sequenceNumber).orElse(null);
		if (this.position == null) {
			this.startedAt = checkpoint.map(Checkpoint::startedAt).orElse(null);
			if (this.startedAt == null) {
				// Stored before the first iterator is taken: a restart before the first record
				// then knows where this run began instead of starting at LATEST again.
				Instant startedAt = switch (this.initialPosition) {
					case LATEST -> this.clock.instant();
					case AT_TIMESTAMP -> timestamp();
					case TRIM_HORIZON -> Instant.EPOCH;
				};
				this.calls.run("WriteCheckpoint",
						() -> this.checkpoints.saveStart(this.context.processor(), this.shard.shardId(), startedAt));
				this.startedAt = startedAt;
				this.latestAllowed = (this.initialPosition == StartingPosition.LATEST);
			}
		}
		this.started = true;
		return true;
	}

	private boolean isStopping() {
		return this.stop.isStopping() || this.retired;
	}

	private void consume() {
		@Nullable String iterator = acquireIterator();
		this.state = ShardState.READING;
		List<R> buffer = new ArrayList<>();
		Instant windowStart = null;
		Backoff idle = new Backoff(this.runtimeOptions.pollInterval(), this.runtimeOptions.maxIdlePollInterval());
		while (!isStopping()) {
			if (iterator == null) {
				endShard(buffer);
				return;
			}
			ShardPage<R> result;
			int limit = Math.min(this.source.maxRecordsPerRead(), this.options.batchSize() - buffer.size());
			String current = iterator;
			try {
				result = this.calls.call("GetRecords", ShardConsumer::handledByTheReader, () -> this.source
					.read(this.context.streamArn(), this.shard.shardId(), current, limit));
			}
			catch (ExpiredShardIteratorException ex) {
				logger.info("Iterator of " + this.context + " expired; re-acquiring it after " + this.position);
				buffer.clear();
				windowStart = null;
				iterator = acquireIterator();
				continue;
			}
			catch (ShardTrimmedException ex) {
				reportGap(ex);
				buffer.clear();
				windowStart = null;
				iterator = iterator(ShardPosition.trimHorizon());
				continue;
			}
			iterator = result.nextShardIterator();
			List<R> page = skipRecordsBeforeTheStart(result.records());
			buffer.addAll(page);
			if (!page.isEmpty()) {
				R newest = page.get(page.size() - 1);
				this.lastRead = this.type.sequenceNumber(newest);
				Instant created = this.type.approximateCreationTime(newest);
				if (created != null) {
					this.metrics.iteratorAge(this.context.processor(), this.context.source(),
							Duration.between(created, this.clock.instant()));
				}
				if (windowStart == null) {
					windowStart = this.clock.instant();
				}
			}
			else if (buffer.isEmpty()) {
				// Caught up: nothing is waiting, whatever the age of the last record read.
				this.metrics.iteratorAge(this.context.processor(), this.context.source(), Duration.ZERO);
			}
			boolean full = buffer.size() >= this.options.batchSize();
			Duration windowLeft = (windowStart != null) ? this.options.maxBatchingWindow()
				.minus(Duration.between(windowStart, this.clock.instant())) : this.options.maxBatchingWindow();
			if (!buffer.isEmpty() && (full || (windowLeft.isNegative() || windowLeft.isZero()) || iterator == null)) {
				process(buffer);
				buffer = new ArrayList<>();
				windowStart = null;
			}
			Duration wait;
			if (result.records().size() >= limit) {
				idle.reset();
				continue;
			}
			else if (!result.records().isEmpty()) {
				idle.reset();
				wait = this.runtimeOptions.pollInterval();
			}
			else {
				wait = idle.next();
			}
			if (!buffer.isEmpty() && windowLeft.compareTo(wait) < 0) {
				wait = (!windowLeft.isNegative() && !windowLeft.isZero()) ? windowLeft : Duration.ZERO;
			}
			if (iterator != null && !wait.isZero()) {
				this.stop.await(wait);
			}
		}
	}

	/**
	 * Resuming at the trim horizon from a start time: drop the records created before it and
	 * checkpoint past them, until the first record created after it.
	 */
	private List<R> skipRecordsBeforeTheStart(List<R> records) {
		Instant before = this.skipBefore;
		if (before == null) {
			return records;
		}
		int first = 0;
		while (first < records.size()) {
			Instant created = this.type.approximateCreationTime(records.get(first));
			if (created == null || !created.isBefore(before)) {
				this.skipBefore = null;
				break;
			}
			first++;
		}
		if (first > 0) {
			logger.debug("Processor '" + this.context.processor() + "' skips " + first + " record(s) of shard "
					+ this.shard.shardId() + " written before it started reading at " + this.initialPosition + " ("
					+ this.startedAt + ")");
			checkpoint(this.type.sequenceNumber(records.get(first - 1)));
		}
		return records.subList(first, records.size());
	}

	private void process(List<R> buffer) {
		int processed = this.batches.process(buffer, this.context, this::checkpoint, this.stop, this.calls,
				(retrying) -> this.state = retrying ? ShardState.RETRYING : ShardState.READING);
		this.processed.addAndGet(processed);
	}

	private void checkpoint(String sequenceNumber) {
		if (this.stop.isAbandoned() || this.retired) {
			throw new AbandonedException();
		}
		String current = this.position;
		if (current != null && dev.tributary.SequenceNumbers.compare(sequenceNumber, current) <= 0) {
			return;
		}
		this.calls.run("WriteCheckpoint",
				() -> this.checkpoints.save(this.context.processor(), this.shard.shardId(), sequenceNumber));
		this.position = sequenceNumber;
	}

	private void endShard(List<R> buffer) {
		if (!buffer.isEmpty()) {
			process(buffer);
		}
		String last = this.position;
		this.calls.run("WriteCheckpoint",
				() -> this.checkpoints.markShardEnded(this.context.processor(), this.shard.shardId(), last));
		this.state = ShardState.ENDED;
		logger.info("Processor '" + this.context.processor() + "' finished closed shard " + this.shard.shardId()
				+ " at " + this.position);
	}

	private @Nullable String acquireIterator() {
		String from = this.position;
		if (from != null) {
			try {
				return iterator(ShardPosition.after(from));
			}
			catch (ShardTrimmedException ex) {
				reportGap(ex);
				return iterator(ShardPosition.trimHorizon());
			}
		}
		if (this.latestAllowed) {
			this.latestAllowed = false;
			return iterator(ShardPosition.latest());
		}
		Instant start = this.startedAt;
		if (this.initialPosition == StartingPosition.AT_TIMESTAMP && start != null && start.isAfter(Instant.EPOCH)) {
			// The user's timestamp is compared with the service's arrival times by the service.
			return iterator(ShardPosition.atTimestamp(start));
		}
		// No record done yet: the start time is the position (after an expired iterator, or a
		// restart before the first record), so read from the trim horizon and skip what is older.
		this.skipBefore = (start != null && start.isAfter(Instant.EPOCH))
				? start.truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_SKEW) : null;
		return iterator(ShardPosition.trimHorizon());
	}

	private @Nullable String iterator(ShardPosition position) {
		return this.calls.call("GetShardIterator", ShardConsumer::handledByTheReader,
				() -> this.source.iterator(this.context.streamArn(), this.shard.shardId(), position));
	}

	private Instant timestamp() {
		Instant timestamp = this.initialTimestamp;
		if (timestamp == null) {
			throw new IllegalStateException("AT_TIMESTAMP without a timestamp for " + this.context);
		}
		return timestamp;
	}

	/**
	 * Errors the reader handles itself rather than trying the same call again.
	 */
	private static boolean handledByTheReader(RuntimeException ex) {
		return ex instanceof ExpiredShardIteratorException || ex instanceof ShardTrimmedException
				|| ex instanceof StreamNotFoundException;
	}

	private void reportGap(ShardTrimmedException ex) {
		logger.error("Records of " + this.context + " after " + this.position + " were trimmed from the stream "
				+ "before they were processed (older than the 24-hour retention); they are lost. Resuming at the "
				+ "trim horizon. " + ex.getMessage());
	}

}
