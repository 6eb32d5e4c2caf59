package dev.tributary.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.RecordProcessingException;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamRecord;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.util.Assert;

/**
 * Runs one processor on one batch and decides where the batch failed, with the semantics of
 * Lambda's event source mapping and {@code ReportBatchItemFailures}:
 * <ul>
 * <li>the processor completes: the batch succeeded;</li>
 * <li>it fails with a {@link RecordProcessingException}: the batch failed at that record (the
 * lowest, when several are reported);</li>
 * <li>it fails with any other error: the batch failed at its first record;</li>
 * <li>a record cannot be mapped: the batch failed at that record, and the processor saw only the
 * records before it;</li>
 * <li>the deadline is near: no further record is handed out, and the batch failed at the first
 * record not handed out.</li>
 * </ul>
 *
 * @param <T> the processor's record type
 * @author Tributary
 */
public final class BatchInvoker<T> {

	private static final Log logger = LogFactory.getLog(BatchInvoker.class);

	private final String processorName;

	private final Function<Flux<StreamRecord<T>>, Mono<Void>> function;

	private final StreamRecordFactory<T> recordFactory;

	private final Duration deadlineMargin;

	private final Clock clock;

	/**
	 * Create an invoker for a processor.
	 * @param processor the processor
	 * @param deadlineMargin how long before the deadline to stop handing out records
	 * @param clock the clock deadlines are measured with
	 */
	public BatchInvoker(StreamProcessorDefinition<T> processor, Duration deadlineMargin, Clock clock) {
		Assert.notNull(processor, "'processor' must not be null");
		Assert.notNull(deadlineMargin, "'deadlineMargin' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.processorName = processor.name();
		this.function = processor.function();
		this.recordFactory = new StreamRecordFactory<>(processor.mapper(),
				DynamoDbStreamBinding.of(processor).options().viewType(),
				processor.recordType().toString());
		this.deadlineMargin = deadlineMargin;
		this.clock = clock;
	}

	/**
	 * Run the processor on a batch, blocking until it finishes.
	 * @param records the batch, in sequence order
	 * @param eventSourceArn the ARN of the stream the batch came from
	 * @param deadline when the invocation must have returned, or {@code null} for none
	 * @return where the batch failed, if it did
	 */
	public BatchOutcome invoke(List<Record> records, @Nullable String eventSourceArn, @Nullable Instant deadline) {
		Assert.notNull(records, "'records' must not be null");
		if (records.isEmpty()) {
			return BatchOutcome.success();
		}
		AtomicInteger handedOut = new AtomicInteger();
		Instant stopAt = (deadline != null) ? deadline.minus(this.deadlineMargin) : null;
		Flux<StreamRecord<T>> flux = Flux.range(0, records.size())
			.takeWhile((index) -> stopAt == null || this.clock.instant().isBefore(stopAt))
			.map((index) -> {
				StreamRecord<T> record = this.recordFactory.create(records.get(index), eventSourceArn);
				handedOut.incrementAndGet();
				return record;
			});
		Throwable failure = run(flux);
		if (failure != null) {
			return failedAt(records, failure);
		}
		if (handedOut.get() < records.size() && stopAt != null && !this.clock.instant().isBefore(stopAt)) {
			int index = handedOut.get();
			logger.warn("Processor '" + this.processorName + "' stopped at record " + sequenceNumber(records, index)
					+ " (" + (records.size() - index) + " of " + records.size()
					+ " records left) because the invocation deadline is near; they will be retried");
			return new BatchOutcome(index, sequenceNumber(records, index), null, true);
		}
		return BatchOutcome.success();
	}

	private @Nullable Throwable run(Flux<StreamRecord<T>> flux) {
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

	private BatchOutcome failedAt(List<Record> records, Throwable failure) {
		String lowest = RecordProcessingException.lowest(List.of(failure))
			.map(RecordProcessingException::getSequenceNumber)
			.orElse(null);
		if (lowest != null) {
			for (int i = 0; i < records.size(); i++) {
				if (sequenceNumber(records, i).equals(lowest)) {
					return new BatchOutcome(i, lowest, failure, false);
				}
			}
			logger.warn("Processor '" + this.processorName + "' reported record " + lowest
					+ ", which is not in the batch; retrying the whole batch");
		}
		return new BatchOutcome(0, sequenceNumber(records, 0), failure, false);
	}

	private static String sequenceNumber(List<Record> records, int index) {
		return records.get(index).dynamodb().sequenceNumber();
	}

}
