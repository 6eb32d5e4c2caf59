package dev.tributary.local.shard;

/**
 * Ends a shard's work on shutdown without writing a checkpoint.
 *
 * @author Tributary
 */
final class AbandonedException extends RuntimeException {

	AbandonedException() {
		super("Abandoned on shutdown", null, false, false);
	}

}
