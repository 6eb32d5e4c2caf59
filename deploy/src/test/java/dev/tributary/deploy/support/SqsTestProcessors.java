package dev.tributary.deploy.support;

import java.time.Duration;
import java.util.List;

import dev.tributary.ProcessorOptions;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.SqsQueueBinding;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueOptions;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * SQS processors and queues built by hand, standing in for what processor discovery and
 * {@code tributary.queues.<id>} give.
 *
 * @author Tributary
 */
public final class SqsTestProcessors {

	private SqsTestProcessors() {
	}

	/**
	 * A queue the application owns.
	 * @param id the id processors use
	 * @param name the physical name ({@code .fifo} for a FIFO queue)
	 * @param visibilityTimeout its visibility timeout
	 * @param deadLetterQueue its dead-letter queue's physical name, or {@code null}
	 * @param maxReceiveCount receives before a message moves to the dead-letter queue
	 * @return the queue
	 */
	public static SqsQueueDescriptor owned(String id, String name, Duration visibilityTimeout,
			@Nullable String deadLetterQueue, int maxReceiveCount) {
		return new SqsQueueDescriptor(id, name, null, name.endsWith(".fifo"), visibilityTimeout, deadLetterQueue,
				maxReceiveCount);
	}

	/**
	 * An existing queue named by its ARN, as the binding resolver describes one.
	 * @param arn the ARN
	 * @return the queue
	 */
	public static SqsQueueDescriptor existing(String arn) {
		String name = arn.substring(arn.lastIndexOf(':') + 1);
		return new SqsQueueDescriptor(arn, name, arn, name.endsWith(".fifo"),
				SqsQueueDescriptor.DEFAULT_VISIBILITY_TIMEOUT, null, SqsQueueDescriptor.DEFAULT_MAX_RECEIVE_COUNT);
	}

	/**
	 * A processor of {@code String} bodies.
	 * @param name the processor name
	 * @param queue the queue it reads
	 * @param source its SQS options
	 * @param options its common options
	 * @return the processor
	 */
	public static SqsProcessorDefinition<String> processor(String name, SqsQueueDescriptor queue, SqsQueueOptions source,
			ProcessorOptions options) {
		return new SqsProcessorDefinition<>(name, new SqsQueueBinding(queue, source), options,
				ResolvableType.forClass(String.class), (messages) -> messages.then());
	}

	/**
	 * A processor of {@code String} bodies with Lambda's defaults for a queue (batch size 10).
	 * @param name the processor name
	 * @param queue the queue it reads
	 * @return the processor
	 */
	public static SqsProcessorDefinition<String> processor(String name, SqsQueueDescriptor queue) {
		return processor(name, queue, SqsQueueOptions.defaults(), ProcessorOptions.builder().batchSize(10).build());
	}

	/**
	 * A registry of SQS processors only.
	 * @param processors the processors
	 * @return the registry
	 */
	public static StreamProcessorRegistry registry(SqsProcessorDefinition<?>... processors) {
		return new DefaultStreamProcessorRegistry(List.of(processors));
	}

}
