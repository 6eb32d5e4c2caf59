package dev.tributary.local;

import dev.tributary.StreamProcessorDefinition;
import dev.tributary.local.failure.FailureDestination;

/**
 * Chooses where a processor's records go once retries run out, from its on-failure destination
 * setting.
 *
 * @author Tributary
 */
@FunctionalInterface
public interface FailureDestinationResolver {

	/**
	 * Resolve the destination of a processor.
	 * @param processor the processor
	 * @return its destination
	 */
	FailureDestination resolve(StreamProcessorDefinition<?> processor);

}
