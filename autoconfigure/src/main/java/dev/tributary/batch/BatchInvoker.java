package dev.tributary.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.tributary.RecordProcessingException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * Runs one processor on one batch of a source's raw records and decides where the batch failed,
 * with the semantics of Lambda's event source mapping and {@code ReportBatchItemFailures}:
 * <ul>
 * <li>the processor completes: the batch succeeded;</li>
 * <li>it fails with a {@link RecordProcessingException}: the batch failed at that record (the
 * first in the batch, when several are reported);</li>
 * <li>it fails with any other error: the batch failed at its first record;</li>
 * <li>a record cannot be mapped: the batch failed at that record, and the processor saw only the
 * records before it;</li>
 * <li>the deadline is near: no further record is handed out, and the batch failed at the first
 * record not handed out.</li>
 * </ul>
 * The source is known only through its {@link SourceType}: the element factory builds what the
 * processor sees, and records are reported by their item identifier.
 *
 * @param <R> the source's raw record type
 * @param <E> the processor's element type
 * @author Tributary
 */
public final class BatchInvoker<R, E> {

	private static final Log logger = LogFactory.getLog(BatchInvoker.class);

	private final String processorName;

	private final Function<Flux<E>, Mono<Void>> function;

	private final SourceType<R, E> source;

	private final Duration deadlineMargin;

	private final Clock clock;

	/**
	 * Create an invoker for a processor.
	 * @param processorName the processor's name, for messages
	 * @param function the processor
	 * @param source the processor's source: item identifiers and element factory
	 * @param deadlineMargin how long before the deadline to stop handing out records
	 * @param clock the clock deadlines are measured with
	 */
	public BatchInvoker(String processorName, Function<Flux<E>, Mono<Void>> function, SourceType<R, E> source,
			Duration deadlineMargin, Clock clock) {
		Assert.hasText(processorName, "'processorName' must not be empty");
		Assert.notNull(function, "'function' must not be null");
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(deadlineMargin, "'deadlineMargin' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.processorName = processorName;
		this.function = function;
		this.source = source;
		this.deadlineMargin = deadlineMargin;
		this.clock = clock;
	}

	/**
	 * The source this invoker runs records of.
	 * @return the source
	 */
	public SourceType<R, E> source() {
		return this.source;
	}

	/**
	 * Run the processor on a batch, blocking until it finishes.
	 * @param records the batch, in order
	 * @param eventSourceArn the ARN of the source the batch came from
	 * @param deadline when the invocation must have returned, or {@code null} for none
	 * @return where the batch failed, if it did
	 */
	public BatchOutcome invoke(List<R> records, @Nullable String eventSourceArn, @Nullable Instant deadline) {
		Assert.notNull(records, "'records' must not be null");
		if (records.isEmpty() || records.stream().allMatch(this.source::skips)) {
			return BatchOutcome.success();
		}
		AtomicInteger handedOut = new AtomicInteger();
		Instant stopAt = (deadline != null) ? deadline.minus(this.deadlineMargin) : null;
		Flux<E> flux = Flux.range(0, records.size())
			.takeWhile((index) -> stopAt == null || this.clock.instant().isBefore(stopAt))
			.filter((index) -> {
				if (this.source.skips(records.get(index))) {
					handedOut.incrementAndGet();
					return false;
				}
				return true;
			})
			.map((index) -> {
				E element = this.source.element(records.get(index), eventSourceArn);
				handedOut.incrementAndGet();
				return element;
			});
		Throwable failure = run(flux);
		if (failure != null) {
			return failedAt(records, failure);
		}
		if (handedOut.get() < records.size() && stopAt != null && !this.clock.instant().isBefore(stopAt)) {
			int index = handedOut.get();
			logger.warn("Processor '" + this.processorName + "' stopped at record " + identifier(records, index)
					+ " (" + (records.size() - index) + " of " + records.size()
					+ " records left) because the invocation deadline is near; they will be retried");
			return new BatchOutcome(index, identifier(records, index), null, true);
		}
		return BatchOutcome.success();
	}

	private @Nullable Throwable run(Flux<E> flux) {
		try {
			Mono<Void> result = this.function.apply(flux);
			if (result != null) {
				result.block();
			}
			return null;
		}
		catch (Throwable ex) {
			Throwable unwrapped = Exceptions.unwrap(ex);
			Exceptions.throwIfJvmFatal(unwrapped);
			return unwrapped;
		}
	}

	/**
	 * The first record of the batch that a failure reports, found by item identifier and
	 * position: this works for any source, ordered by sequence numbers or not.
	 */
	private BatchOutcome failedAt(List<R> records, Throwable failure) {
		Set<String> reported = reported(failure);
		if (!reported.isEmpty()) {
			for (int i = 0; i < records.size(); i++) {
				String identifier = identifier(records, i);
				if (reported.contains(identifier)) {
					return new BatchOutcome(i, identifier, failure, false);
				}
			}
			logger.warn("Processor '" + this.processorName + "' reported record(s) " + reported
					+ ", which are not in the batch; retrying the whole batch");
		}
		return new BatchOutcome(0, identifier(records, 0), failure, false);
	}

	private static Set<String> reported(Throwable failure) {
		Set<String> identifiers = new HashSet<>();
		for (Throwable candidate : Exceptions.unwrapMultiple(failure)) {
			Throwable current = candidate;
			while (current != null) {
				if (current instanceof RecordProcessingException reported) {
					identifiers.add(reported.getItemIdentifier());
					break;
				}
				current = (current.getCause() != current) ? current.getCause() : null;
			}
		}
		return identifiers;
	}

	private String identifier(List<R> records, int index) {
		return this.source.itemIdentifier(records.get(index));
	}

}
