package dev.tributary.s3;

import java.time.Clock;
import java.time.Duration;

import dev.tributary.S3EventRecord;
import dev.tributary.S3ProcessorDefinition;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.SourceType;
import org.jspecify.annotations.Nullable;

/**
 * S3 invoking a function directly (asynchronously) as a source for the batch core: the records
 * of the event, read already. There is no partial batch response: a failure fails the invocation,
 * which Lambda retries.
 *
 * @author Tributary
 */
public final class S3DirectSourceType implements SourceType<S3EventRecord, S3EventRecord> {

	/**
	 * A batch invoker for an S3 processor S3 invokes directly.
	 * @param processor the processor
	 * @param deadlineMargin how long before the deadline to stop handing out records
	 * @param clock the clock deadlines are measured with
	 * @return the invoker
	 */
	public static BatchInvoker<S3EventRecord, S3EventRecord> invoker(S3ProcessorDefinition processor,
			Duration deadlineMargin, Clock clock) {
		return new BatchInvoker<>(processor.name(), processor.function(), new S3DirectSourceType(), deadlineMargin,
				clock);
	}

	@Override
	public String name() {
		return S3SourceType.NAME;
	}

	@Override
	public String itemIdentifier(S3EventRecord record) {
		return record.itemIdentifier();
	}

	@Override
	public @Nullable Object orderingKey(S3EventRecord record) {
		return record.orderingKey();
	}

	@Override
	public S3EventRecord element(S3EventRecord record, @Nullable String eventSourceArn) {
		return record;
	}

	@Override
	public boolean answersPartially() {
		return false;
	}

}
