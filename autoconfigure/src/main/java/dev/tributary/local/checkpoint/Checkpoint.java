package dev.tributary.local.checkpoint;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a processor has got to in one shard.
 *
 * @param sequenceNumber the last sequence number processed (or skipped by a filter, or sent to
 * the failure destination), or {@code null} when none yet
 * @param shardEnded whether the shard is closed and was read to its end, so its children may be
 * read
 * @param startedAt when the processor started reading the shard without a sequence number
 * ({@link Instant#EPOCH} when it started at the trim horizon), or {@code null} if unknown: until
 * a sequence number is stored, a restart reads the shard from its trim horizon and skips records
 * created before this, so records written while the processor was down are not missed
 * @author Tributary
 */
public record Checkpoint(@Nullable String sequenceNumber, boolean shardEnded, @Nullable Instant startedAt) {

	/**
	 * Create a checkpoint without a start time.
	 * @param sequenceNumber the last sequence number processed, or {@code null} when none yet
	 * @param shardEnded whether the shard was read to its end
	 */
	public Checkpoint(@Nullable String sequenceNumber, boolean shardEnded) {
		this(sequenceNumber, shardEnded, null);
	}

}
