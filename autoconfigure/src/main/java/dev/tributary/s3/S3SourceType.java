package dev.tributary.s3;

import java.time.Clock;
import java.time.Duration;

import dev.tributary.S3EventRecord;
import dev.tributary.S3ProcessorDefinition;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.PayloadMappingException;
import dev.tributary.batch.SourceType;
import dev.tributary.sqs.SqsQueueMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * S3 notifications through an SQS queue as a source for the batch core: the raw record is the
 * queue message, its body the S3 event. S3's test event is skipped (deleted like a processed
 * message, never handed to the processor); a body that is not an S3 event with one record is that
 * message's failure. Failures are named as for any queue: by message id, every message from the
 * failed one on.
 *
 * @author Tributary
 */
public final class S3SourceType implements SourceType<SqsQueueMessage, S3EventRecord> {

	/** The source's name. */
	public static final String NAME = "s3";

	private final S3EventCodec codec;

	/**
	 * Create the source.
	 * @param codec reads the bodies
	 */
	public S3SourceType(S3EventCodec codec) {
		Assert.notNull(codec, "'codec' must not be null");
		this.codec = codec;
	}

	/**
	 * A batch invoker for an S3 processor reading its notification queue.
	 * @param processor the processor
	 * @param codec reads the bodies
	 * @param deadlineMargin how long before the deadline to stop handing out messages
	 * @param clock the clock deadlines are measured with
	 * @return the invoker
	 */
	public static BatchInvoker<SqsQueueMessage, S3EventRecord> invoker(S3ProcessorDefinition processor,
			S3EventCodec codec, Duration deadlineMargin, Clock clock) {
		return new BatchInvoker<>(processor.name(), processor.function(), new S3SourceType(codec), deadlineMargin,
				clock);
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
		return null;
	}

	@Override
	public boolean skips(SqsQueueMessage message) {
		return this.codec.isTestEvent(message.body());
	}

	@Override
	public S3EventRecord element(SqsQueueMessage message, @Nullable String eventSourceArn) {
		try {
			return this.codec.readMessage(message.body(), message.messageId());
		}
		catch (S3EventException ex) {
			throw new PayloadMappingException(message.messageId(), "Message " + message.messageId()
					+ " is not an S3 event notification: " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean namesEveryFailure() {
		return true;
	}

}
