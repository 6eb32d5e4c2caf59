package dev.tributary.local.shard;

/**
 * Ends a shard's work on shutdown without writing a checkpoint.
 *
 * @author Tributary
 */
public final class AbandonedException extends RuntimeException {

	/**
	 * Create an exception.
	 */
	public AbandonedException() {
		super("Abandoned on shutdown", null, false, false);
	}

}
