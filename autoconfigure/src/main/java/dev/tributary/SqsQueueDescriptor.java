package dev.tributary;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An SQS queue a processor reads from: the id the application uses, the physical name for the
 * current stage, and how it is provisioned. A queue named by its ARN exists outside the
 * application: it is read, but never created, changed or deleted.
 *
 * @param id the id used in bindings ({@code @SqsQueueProcessor(queue = id)}), or the ARN of an
 * existing queue
 * @param name the physical queue name, which may differ per stage ({@code .fifo} for a FIFO queue)
 * @param arn the ARN of an existing queue, or {@code null} when the application owns the queue
 * @param fifo whether the queue is a FIFO queue
 * @param visibilityTimeout how long a received message stays invisible to other receivers
 * @param deadLetterQueue the physical name of the queue messages move to after
 * {@code maxReceiveCount} receives, or {@code null} for none
 * @param maxReceiveCount receives before a message moves to the dead-letter queue
 * @author Tributary
 */
public record SqsQueueDescriptor(String id, String name, @Nullable String arn, boolean fifo,
		Duration visibilityTimeout, @Nullable String deadLetterQueue, int maxReceiveCount) {

	/** SQS's default visibility timeout. */
	public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);

	/** Receives before a message moves to the dead-letter queue, when one is set. */
	public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;

	public SqsQueueDescriptor {
		Assert.hasText(id, "'id' must not be empty");
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(visibilityTimeout, "'visibilityTimeout' must not be null");
		Assert.isTrue(maxReceiveCount > 0, "'maxReceiveCount' must be positive");
	}

	/**
	 * Whether the queue exists outside the application (it was named by its ARN).
	 * @return whether the queue is an existing one
	 */
	public boolean isExisting() {
		return this.arn != null;
	}

}
