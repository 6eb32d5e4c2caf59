package dev.tributary.local.shard;

/**
 * Moves a shard's checkpoint forward as records are done.
 *
 * @author Tributary
 */
@FunctionalInterface
public interface Checkpointer {

	/**
	 * Record that every record up to and including this one is done.
	 * @param sequenceNumber the sequence number
	 * @throws AbandonedException if the runtime abandoned in-flight work
	 */
	void checkpoint(String sequenceNumber);

}
