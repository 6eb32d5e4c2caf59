package dev.tributary.local.checkpoint;

import java.time.Instant;

/**
 * Who reads a processor's shard, and until when: the holder renews it before it expires, and
 * any instance may take it once it has expired or was released.
 *
 * @param owner the holder's id (host, process id and a random part)
 * @param expiresAt when the lease expires unless renewed
 * @author Tributary
 */
public record ShardLease(String owner, Instant expiresAt) {

	/**
	 * Whether this lease is held by the given owner.
	 * @param candidate an owner id
	 * @return whether {@code candidate} holds it
	 */
	public boolean isHeldBy(String candidate) {
		return this.owner.equals(candidate);
	}

}
