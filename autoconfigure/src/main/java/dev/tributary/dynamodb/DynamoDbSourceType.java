package dev.tributary.dynamodb;

import java.time.Clock;
import java.time.Duration;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamRecord;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.SourceType;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.util.Assert;

/**
 * DynamoDB Streams as the batch core sees it: records are SDK {@link Record Records}, reported
 * by their sequence number, ordered by the value of the table's partition key, and handed to
 * the processor as {@link StreamRecord StreamRecords} built by a {@link StreamRecordFactory}
 * (an image that cannot be mapped is that record's failure).
 *
 * @param <T> the processor's image type
 * @author Tributary
 */
public final class DynamoDbSourceType<T> implements SourceType<Record, StreamRecord<T>> {

	/** The source's name. */
	public static final String NAME = "dynamodb";

	private final StreamRecordFactory<T> factory;

	private final @Nullable String partitionKey;

	/**
	 * Create the source for one processor.
	 * @param factory builds the processor's records
	 * @param partitionKey the name of the table's partition key attribute, or {@code null} when
	 * records need no ordering key
	 */
	public DynamoDbSourceType(StreamRecordFactory<T> factory, @Nullable String partitionKey) {
		Assert.notNull(factory, "'factory' must not be null");
		this.factory = factory;
		this.partitionKey = partitionKey;
	}

	/**
	 * The source of a processor: its mapper, view type and table's partition key.
	 * @param <T> the processor's image type
	 * @param processor the processor
	 * @return the source
	 */
	public static <T> DynamoDbSourceType<T> of(StreamProcessorDefinition<T> processor) {
		Assert.notNull(processor, "'processor' must not be null");
		DynamoDbStreamBinding binding = DynamoDbStreamBinding.of(processor);
		return new DynamoDbSourceType<>(new StreamRecordFactory<>(processor.mapper(), binding.options().viewType(),
				processor.recordType().toString()), binding.table().partitionKey().name());
	}

	/**
	 * A batch invoker for a processor that reads a table's stream.
	 * @param <T> the processor's image type
	 * @param processor the processor
	 * @param deadlineMargin how long before the deadline to stop handing out records
	 * @param clock the clock deadlines are measured with
	 * @return the invoker
	 */
	public static <T> BatchInvoker<Record, StreamRecord<T>> invoker(StreamProcessorDefinition<T> processor,
			Duration deadlineMargin, Clock clock) {
		return new BatchInvoker<>(processor.name(), processor.function(), of(processor), deadlineMargin, clock);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String itemIdentifier(Record record) {
		return record.dynamodb().sequenceNumber();
	}

	@Override
	public @Nullable Object orderingKey(Record record) {
		return (this.partitionKey != null && record.dynamodb().hasKeys())
				? record.dynamodb().keys().get(this.partitionKey) : null;
	}

	@Override
	public StreamRecord<T> element(Record record, @Nullable String eventSourceArn) {
		return this.factory.create(record, eventSourceArn);
	}

}
