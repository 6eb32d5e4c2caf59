package dev.tributary.sqs;

import java.time.Clock;
import java.time.Duration;

import dev.tributary.SqsMessage;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.SourceType;
import dev.tributary.kinesis.PayloadMappers;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * SQS as a source for the batch core: messages are reported by their message id, ordered by
 * their message group (FIFO), and a failure names every message from the failed one on, since
 * Lambda deletes the messages a response does not name.
 *
 * @param <T> the processor's body type
 * @author Tributary
 */
public final class SqsSourceType<T> implements SourceType<SqsQueueMessage, SqsMessage<T>> {

	/** The source's name. */
	public static final String NAME = "sqs";

	private final SqsMessageFactory<T> factory;

	/**
	 * Create the source for one processor.
	 * @param factory builds the processor's messages
	 */
	public SqsSourceType(SqsMessageFactory<T> factory) {
		Assert.notNull(factory, "'factory' must not be null");
		this.factory = factory;
	}

	/**
	 * The source of a processor: its body type's mapper.
	 * @param <T> the processor's body type
	 * @param processor the processor
	 * @return the source
	 */
	public static <T> SqsSourceType<T> of(SqsProcessorDefinition<T> processor) {
		Assert.notNull(processor, "'processor' must not be null");
		return new SqsSourceType<>(new SqsMessageFactory<>(PayloadMappers.forType(processor.payloadType()),
				processor.payloadType().toString()));
	}

	/**
	 * A batch invoker for a processor that reads a queue.
	 * @param <T> the processor's body type
	 * @param processor the processor
	 * @param deadlineMargin how long before the deadline to stop handing out messages
	 * @param clock the clock deadlines are measured with
	 * @return the invoker
	 */
	public static <T> BatchInvoker<SqsQueueMessage, SqsMessage<T>> invoker(SqsProcessorDefinition<T> processor,
			Duration deadlineMargin, Clock clock) {
		return new BatchInvoker<>(processor.name(), processor.function(), of(processor), deadlineMargin, clock);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String itemIdentifier(SqsQueueMessage message) {
		return message.messageId();
	}

	@Override
	public @Nullable Object orderingKey(SqsQueueMessage message) {
		return message.attributes().get("MessageGroupId");
	}

	@Override
	public SqsMessage<T> element(SqsQueueMessage message, @Nullable String eventSourceArn) {
		return this.factory.create(message);
	}

	@Override
	public boolean namesEveryFailure() {
		return true;
	}

}
