package dev.tributary.deploy.s3;

import dev.tributary.S3EventBinding;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.deploy.naming.ResourceNames;

/**
 * The name an S3 processor's notification queue (and its dead-letter queue) gets in a deployed
 * stage: the name the binding gives it ({@code <bucket>-<processor>}) prefixed with the app and
 * stage, so that two stages reading one shared bucket never share, change or delete each other's
 * queue. The queue keeps its id, by which the role and mapping find its ARN.
 *
 * @author Tributary
 */
public final class NotificationQueues {

	private NotificationQueues() {
	}

	/**
	 * The stage's notification queue of a binding delivered through SQS.
	 * @param binding the binding, with its queue
	 * @param names the app's and stage's names
	 * @return the queue as deployed in the stage
	 */
	public static SqsQueueDescriptor staged(S3EventBinding binding, ResourceNames names) {
		SqsQueueDescriptor queue = binding.queue();
		if (queue == null) {
			throw new IllegalArgumentException(binding.describe() + " is delivered directly: it has no queue");
		}
		return new SqsQueueDescriptor(queue.id(), names.queue(queue.name()), null, queue.fifo(),
				queue.visibilityTimeout(), (queue.deadLetterQueue() != null) ? names.queue(queue.deadLetterQueue()) : null,
				queue.maxReceiveCount());
	}

}
