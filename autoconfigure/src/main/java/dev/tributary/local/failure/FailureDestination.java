package dev.tributary.local.failure;

/**
 * Receives records once retries run out, before the shard moves on past them.
 *
 * @author Tributary
 * @see SqsFailureDestination
 * @see LoggingFailureDestination
 */
@FunctionalInterface
public interface FailureDestination {

	/**
	 * Take records the processor gave up on. Throwing makes the runtime retry the hand-over
	 * later rather than lose the records.
	 * @param batch the records and why
	 */
	void send(FailedBatch<?> batch);

}
