package dev.tributary.local;

import dev.tributary.ProcessorDefinition;
import dev.tributary.local.failure.FailureDestination;

/**
 * Chooses where a processor's records go once retries run out, from its on-failure destination
 * setting. Called once per processor as the runtime starts it, before it reads a record: the
 * place to create or check the destination, and to throw (failing startup) when it cannot be
 * used, rather than finding out at the first poison record.
 *
 * @author Tributary
 */
@FunctionalInterface
public interface FailureDestinationResolver {

	/**
	 * Resolve the destination of a processor.
	 * @param processor the processor
	 * @return its destination
	 * @throws RuntimeException if the processor's destination cannot be used
	 */
	FailureDestination resolve(ProcessorDefinition<?> processor);

}
