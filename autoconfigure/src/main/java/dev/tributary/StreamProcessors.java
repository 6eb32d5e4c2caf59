package dev.tributary;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.concurrent.Queues;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

import org.springframework.util.Assert;

/**
 * Ready-made processors for the common per-record style, for the elements of every source
 * ({@link StreamRecord}, {@link KinesisRecord}, ...). Each reports the right record on
 * failure (a {@link RecordProcessingException}), so no record is skipped and none before the
 * failure is processed twice.
 * <pre class="code">
 * &#64;Bean
 * &#64;DynamoDbStreamProcessor(table = "Items", viewType = NEW_AND_OLD_IMAGES)
 * Function&lt;Flux&lt;StreamRecord&lt;Item&gt;&gt;, Mono&lt;Void&gt;&gt; logItems() {
 *     return StreamProcessors.forEach((record) -&gt; log.info(record.eventName() + ": " + ...));
 * }
 * </pre>
 *
 * @author Tributary
 */
public final class StreamProcessors {

	private StreamProcessors() {
	}

	/**
	 * A processor that calls {@code action} for each record, one by one, in order. The first
	 * failure stops the batch at that record.
	 * @param <E> the element type: a {@link StreamRecord}, a {@link KinesisRecord}, ...
	 * @param action what to do with each record
	 * @return the processor
	 */
	public static <E extends SourceRecord> Function<Flux<E>, Mono<Void>> forEach(Consumer<? super E> action) {
		Assert.notNull(action, "'action' must not be null");
		// One operator for the whole batch rather than inOrder's Monos per record, which cost
		// more than a typical action under Lambda's C1-only JIT (see docs/benchmarks.md).
		return (records) -> records.doOnNext((record) -> {
			try {
				action.accept(record);
			}
			catch (Throwable ex) {
				Exceptions.throwIfJvmFatal(ex);
				throw (ex instanceof RecordProcessingException reported) ? reported
						: new RecordProcessingException(record, ex);
			}
		}).then();
	}

	/**
	 * A processor that runs an asynchronous {@code handler} for each record, one at a time, in
	 * order: a record's handler starts when the previous one has completed. The first failure
	 * stops the batch at that record.
	 * @param <E> the element type: a {@link StreamRecord}, a {@link KinesisRecord}, ...
	 * @param handler the work for one record; its completion marks the record processed
	 * @return the processor
	 */
	public static <E extends SourceRecord> Function<Flux<E>, Mono<Void>> inOrder(
			Function<? super E, ? extends Publisher<?>> handler) {
		Assert.notNull(handler, "'handler' must not be null");
		// Prefetch 0: a record is requested only when the previous one is done, so the runtime
		// can stop handing out records when the invocation deadline nears.
		return (records) -> records.concatMap((record) -> handle(record, handler), 0).then();
	}

	/**
	 * A processor that handles records of different items concurrently while keeping the records
	 * of each item (same {@link SourceRecord#orderingKey() ordering key}: a DynamoDB item's keys, a
	 * Kinesis record's partition key) in order. When records fail, the batch fails at the lowest failed
	 * sequence number: every record before it has been processed, because each key's records ran
	 * in order and the other keys ran to completion or to their own, later, failure.
	 * @param <E> the element type: a {@link StreamRecord}, a {@link KinesisRecord}, ...
	 * @param concurrency how many keys to process at once
	 * @param handler the work for one record; its completion marks the record processed
	 * @return the processor
	 */
	public static <E extends SourceRecord> Function<Flux<E>, Mono<Void>> byKey(int concurrency,
			Function<? super E, ? extends Publisher<?>> handler) {
		return byKey(concurrency, SourceRecord::orderingKey, handler);
	}

	/**
	 * A processor that handles records with different keys concurrently while keeping the
	 * records of each key in order, with the key of your choice: for example only the partition
	 * key attribute, to keep Lambda's parallelization-factor ordering.
	 * @param <E> the element type: a {@link StreamRecord}, a {@link KinesisRecord}, ...
	 * @param concurrency how many keys to process at once
	 * @param key what orders records: records with equal keys are handled in order
	 * @param handler the work for one record; its completion marks the record processed
	 * @return the processor
	 * @see #byKey(int, Function)
	 */
	public static <E extends SourceRecord> Function<Flux<E>, Mono<Void>> byKey(int concurrency,
			Function<? super E, ?> key, Function<? super E, ? extends Publisher<?>> handler) {
		Assert.isTrue(concurrency > 0, "'concurrency' must be positive");
		Assert.notNull(key, "'key' must not be null");
		Assert.notNull(handler, "'handler' must not be null");
		// Keys are hashed into at most 'concurrency' lanes: groupBy with more groups than
		// flatMap subscribes to would stall. A lane that failed skips its remaining records
		// instead of cancelling, so no later record of a failed key runs before the retry.
		// groupBy reads ahead of the lanes, so an error of the batch itself (a record that
		// cannot be mapped) arrives while earlier records are still queued or running: it is
		// held back until every lane has finished what it was given, or those records, which
		// the outcome counts as processed, would be cancelled or dropped.
		return (records) -> Mono.defer(() -> {
			AtomicReference<Throwable> sourceFailure = new AtomicReference<>();
			return records.onErrorResume((ex) -> {
				sourceFailure.set(ex);
				return Mono.empty();
			})
				.groupBy((record) -> Math.floorMod(Objects.hashCode(key.apply(record)), concurrency))
				.flatMapDelayError((lane) -> processLane(lane, handler), concurrency, Queues.XS_BUFFER_SIZE)
				.then(Mono.defer(() -> (sourceFailure.get() != null) ? Mono.<Void>error(sourceFailure.get())
						: Mono.<Void>empty()))
				.onErrorMap((ex) -> lowestFailure(ex, sourceFailure.get()));
		});
	}

	/**
	 * A processor that hands records to {@code handler} in chunks of up to {@code maxSize}
	 * records, or whatever has arrived after {@code maxWait}, and runs up to {@code concurrency}
	 * chunks at once: for writes that are cheaper in bulk, such as a {@code BatchWriteItem} of
	 * up to 25 items or one HTTP call per chunk. Chunks are made in sequence order, but chunks
	 * that run at once may finish in any order, so records of one item can be written out of
	 * order: use it for work where that does not matter (idempotent or last-writer-wins writes),
	 * and {@link #byKey(int, Function)} where it does.
	 * <p>
	 * Failures stay exact, as the {@link RecordProcessingException} contract needs: a chunk whose
	 * handler fails is reported by its first record, or by the record the handler reports itself
	 * in a {@code RecordProcessingException} (a bulk write that names the item it failed on).
	 * Chunks already running when one fails run to completion, no further chunk starts, and the
	 * batch fails at the failure of the earliest failed chunk: every record before it was in a
	 * chunk that completed. A record that cannot be mapped fails the batch at that record once
	 * every chunk before it has run.
	 * <pre class="code">
	 * return StreamProcessors.inChunks(50, Duration.ofSeconds(5), 4, (records) -&gt; repository.saveAll(records));
	 * </pre>
	 * @param <E> the element type: a {@link StreamRecord}, a {@link KinesisRecord}, an
	 * {@link SqsMessage}
	 * @param maxSize the most records in one chunk
	 * @param maxWait how long a chunk waits for more records before it is handed over anyway
	 * @param concurrency how many chunks run at once
	 * @param handler the work for one chunk, its records in sequence order; its completion marks
	 * them processed
	 * @return the processor
	 */
	public static <E extends SourceRecord> Function<Flux<E>, Mono<Void>> inChunks(int maxSize, Duration maxWait,
			int concurrency, Function<? super List<E>, ? extends Publisher<?>> handler) {
		Assert.isTrue(maxSize > 0, "'maxSize' must be positive");
		Assert.isTrue(maxWait != null && !maxWait.isNegative() && !maxWait.isZero(), "'maxWait' must be positive");
		Assert.isTrue(concurrency > 0, "'concurrency' must be positive");
		Assert.notNull(handler, "'handler' must not be null");
		// As in byKey, an error of the batch itself (a record that cannot be mapped) is held back:
		// buffering operators drop their current buffer on error, and those records, which the
		// outcome counts as processed, would never run. The fair-backpressure bufferTimeout waits
		// for demand instead of failing when the timer fires while every slot is busy.
		return (records) -> Mono.defer(() -> {
			AtomicReference<Throwable> sourceFailure = new AtomicReference<>();
			AtomicReference<Tuple2<Long, Throwable>> earliest = new AtomicReference<>();
			return records.onErrorResume((ex) -> {
				sourceFailure.set(ex);
				return Mono.empty();
			})
				.bufferTimeout(maxSize, maxWait, true)
				.index()
				.flatMap((chunk) -> (earliest.get() != null) ? Mono.<Void>empty()
						: handleChunk(chunk.getT2(), handler).onErrorResume((ex) -> {
							earliest.accumulateAndGet(Tuples.of(chunk.getT1(), ex),
									(current, failed) -> (current == null || failed.getT1() < current.getT1()) ? failed
											: current);
							return Mono.empty();
						}), concurrency)
				.then(Mono.defer(() -> (earliest.get() != null) ? Mono.<Void>error(earliest.get().getT2())
						: (sourceFailure.get() != null) ? Mono.<Void>error(sourceFailure.get()) : Mono.<Void>empty()));
		});
	}

	private static <E extends SourceRecord> Mono<Void> handleChunk(List<E> chunk,
			Function<? super List<E>, ? extends Publisher<?>> handler) {
		return Mono.defer(() -> Flux.from(handler.apply(List.copyOf(chunk))).then())
			.onErrorMap((ex) -> !(ex instanceof RecordProcessingException),
					(ex) -> new RecordProcessingException(chunk.get(0), ex));
	}

	private static <E extends SourceRecord> Mono<Void> processLane(Flux<E> lane,
			Function<? super E, ? extends Publisher<?>> handler) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		return lane
			.concatMap((record) -> (failure.get() != null) ? Mono.<Void>empty()
					: handle(record, handler).onErrorResume((ex) -> {
						failure.set(ex);
						return Mono.empty();
					}), 0)
			.then(Mono.defer(() -> (failure.get() != null) ? Mono.error(failure.get()) : Mono.empty()));
	}

	private static <E extends SourceRecord> Mono<Void> handle(E record,
			Function<? super E, ? extends Publisher<?>> handler) {
		return Mono.defer(() -> Flux.from(handler.apply(record)).then())
			.onErrorMap((ex) -> !(ex instanceof RecordProcessingException),
					(ex) -> new RecordProcessingException(record, ex));
	}

	private static Throwable lowestFailure(Throwable failure, @Nullable Throwable sourceFailure) {
		List<Throwable> failures = (sourceFailure != null) ? List.of(failure, sourceFailure) : List.of(failure);
		return RecordProcessingException.lowest(failures).<Throwable>map((lowest) -> lowest).orElse(failure);
	}
}
