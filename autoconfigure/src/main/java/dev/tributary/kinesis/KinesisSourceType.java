package dev.tributary.kinesis;

import java.time.Clock;
import java.time.Duration;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisRecord;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.SourceType;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Kinesis Data Streams as the batch core sees it: records are {@link KinesisDataRecord
 * KinesisDataRecords}, reported by their sequence number, ordered by their partition key, and
 * handed to the processor as {@link KinesisRecord KinesisRecords} built by a
 * {@link KinesisRecordFactory} (a payload that cannot be mapped is that record's failure).
 *
 * @param <T> the processor's payload type
 * @author Tributary
 */
public final class KinesisSourceType<T> implements SourceType<KinesisDataRecord, KinesisRecord<T>> {

	/** The source's name. */
	public static final String NAME = "kinesis";

	private final KinesisRecordFactory<T> factory;

	/**
	 * Create the source for one processor.
	 * @param factory builds the processor's records
	 */
	public KinesisSourceType(KinesisRecordFactory<T> factory) {
		Assert.notNull(factory, "'factory' must not be null");
		this.factory = factory;
	}

	/**
	 * The source of a processor: its payload type's mapper.
	 * @param <T> the processor's payload type
	 * @param processor the processor
	 * @return the source
	 */
	public static <T> KinesisSourceType<T> of(KinesisProcessorDefinition<T> processor) {
		Assert.notNull(processor, "'processor' must not be null");
		return new KinesisSourceType<>(new KinesisRecordFactory<>(PayloadMappers.forType(processor.payloadType()),
				processor.payloadType().toString()));
	}

	/**
	 * A batch invoker for a processor that reads a Kinesis stream.
	 * @param <T> the processor's payload type
	 * @param processor the processor
	 * @param deadlineMargin how long before the deadline to stop handing out records
	 * @param clock the clock deadlines are measured with
	 * @return the invoker
	 */
	public static <T> BatchInvoker<KinesisDataRecord, KinesisRecord<T>> invoker(KinesisProcessorDefinition<T> processor,
			Duration deadlineMargin, Clock clock) {
		return new BatchInvoker<>(processor.name(), processor.function(), of(processor), deadlineMargin, clock);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String itemIdentifier(KinesisDataRecord record) {
		return record.sequenceNumber();
	}

	@Override
	public Object orderingKey(KinesisDataRecord record) {
		return record.partitionKey();
	}

	@Override
	public KinesisRecord<T> element(KinesisDataRecord record, @Nullable String eventSourceArn) {
		return this.factory.create(record);
	}

}
