package dev.tributary;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What an S3 processor reads: a bucket's notifications of some event types, for keys with a
 * prefix and suffix, delivered through its own queue or directly.
 *
 * @param bucket the bucket
 * @param events the S3 event types, such as {@code s3:ObjectCreated:*}
 * @param prefix the keys' prefix, empty for any
 * @param suffix the keys' suffix, empty for any
 * @param delivery how notifications reach the processor
 * @param queue the processor's notification queue for {@link S3Delivery#SQS}, else
 * {@code null}
 * @param queueOptions the queue mapping's options (its maximum concurrency)
 * @param readsObjects whether the processor reads the objects (deploy grants it
 * {@code s3:GetObject} on {@link #objectsArn()})
 * @author Tributary
 */
public record S3EventBinding(S3BucketDescriptor bucket, List<String> events, String prefix, String suffix,
		S3Delivery delivery, @Nullable SqsQueueDescriptor queue, SqsQueueOptions queueOptions, boolean readsObjects)
		implements SourceBinding {

	public S3EventBinding {
		Assert.notNull(bucket, "'bucket' must not be null");
		Assert.notEmpty(events, "'events' must not be empty");
		Assert.notNull(prefix, "'prefix' must not be null");
		Assert.notNull(suffix, "'suffix' must not be null");
		Assert.notNull(delivery, "'delivery' must not be null");
		Assert.isTrue((queue != null) == (delivery == S3Delivery.SQS), "'queue' must be set exactly for SQS delivery");
		Assert.notNull(queueOptions, "'queueOptions' must not be null");
		events = List.copyOf(events);
	}

	/**
	 * A binding of a processor that does not read the objects.
	 * @param bucket the bucket
	 * @param events the S3 event types
	 * @param prefix the keys' prefix, empty for any
	 * @param suffix the keys' suffix, empty for any
	 * @param delivery how notifications reach the processor
	 * @param queue the processor's notification queue for {@link S3Delivery#SQS}, else
	 * {@code null}
	 * @param queueOptions the queue mapping's options
	 */
	public S3EventBinding(S3BucketDescriptor bucket, List<String> events, String prefix, String suffix,
			S3Delivery delivery, @Nullable SqsQueueDescriptor queue, SqsQueueOptions queueOptions) {
		this(bucket, events, prefix, suffix, delivery, queue, queueOptions, false);
	}

	/**
	 * The ARN of the objects the processor's events can point at: the bucket's keys under the
	 * prefix.
	 * @return the ARN, such as {@code arn:aws:s3:::files/incoming/*}
	 */
	public String objectsArn() {
		return "arn:aws:s3:::" + this.bucket.name() + "/" + this.prefix + "*";
	}

	/** Most characters of an SQS queue name. */
	private static final int MAX_QUEUE_NAME = 80;

	/** Six times a function's default timeout of 30 s, as AWS recommends for a mapped queue. */
	private static final Duration VISIBILITY_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * The queue a processor's notifications go to: named after the bucket and the processor
	 * (within SQS's 80 characters; a digest replaces what does not fit), with a dead-letter queue
	 * ({@code <name>-dlq}) after so many receives.
	 * @param bucket the bucket
	 * @param processor the processor's name
	 * @param maxReceiveCount receives before a message moves to the dead-letter queue
	 * @return the queue
	 */
	public static SqsQueueDescriptor notificationQueue(S3BucketDescriptor bucket, String processor,
			int maxReceiveCount) {
		Assert.notNull(bucket, "'bucket' must not be null");
		Assert.hasText(processor, "'processor' must not be empty");
		String base = (bucket.name() + "-" + processor).replaceAll("[^A-Za-z0-9_-]", "-");
		String dlqSuffix = "-dlq";
		if (base.length() > MAX_QUEUE_NAME - dlqSuffix.length()) {
			String digest = Integer.toHexString(base.hashCode());
			base = base.substring(0, MAX_QUEUE_NAME - dlqSuffix.length() - digest.length() - 1) + "-" + digest;
		}
		return new SqsQueueDescriptor(base, base, null, false, VISIBILITY_TIMEOUT, base + dlqSuffix, maxReceiveCount);
	}

	/**
	 * The notification queue, as the SQS source reads it.
	 * @return the queue binding
	 * @throws IllegalStateException for direct delivery
	 */
	public SqsQueueBinding queueBinding() {
		Assert.state(this.queue != null, "Direct delivery has no queue");
		return new SqsQueueBinding(this.queue, this.queueOptions);
	}

	@Override
	public String describe() {
		return "S3 bucket '" + this.bucket.id() + "'";
	}

}
