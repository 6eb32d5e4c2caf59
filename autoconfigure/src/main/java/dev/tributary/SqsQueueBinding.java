package dev.tributary;

import org.springframework.util.Assert;

/**
 * A processor bound to an SQS queue.
 *
 * @param queue the queue: its id, physical name, and whether the application owns it
 * @param options the SQS settings of the processor
 * @author Tributary
 */
public record SqsQueueBinding(SqsQueueDescriptor queue, SqsQueueOptions options) implements SourceBinding {

	public SqsQueueBinding {
		Assert.notNull(queue, "'queue' must not be null");
		Assert.notNull(options, "'options' must not be null");
	}

	@Override
	public String describe() {
		return "SQS queue '" + this.queue.id() + "'";
	}

}
