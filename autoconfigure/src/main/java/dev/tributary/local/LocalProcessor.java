package dev.tributary.local;

/**
 * One processor fed by the local runtime, whatever engine feeds it: the shard engine for streams,
 * the queue engine for queues.
 *
 * @author Tributary
 */
public interface LocalProcessor {

	/**
	 * Start feeding the processor, in the background.
	 */
	void start();

	/**
	 * Stop polling, let in-flight batches finish up to the shutdown timeout, then abandon them
	 * (a stream does not checkpoint past them; a queue's messages become visible again).
	 */
	void stop();

	/**
	 * Stop at once, as a killed process would.
	 */
	void abort();

	/**
	 * A snapshot of the processor, for health and the actuator endpoint.
	 * @return the status
	 */
	ProcessorStatus status();

}
