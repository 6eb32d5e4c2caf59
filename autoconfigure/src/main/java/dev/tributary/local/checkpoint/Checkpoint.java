package dev.tributary.local.checkpoint;

import org.jspecify.annotations.Nullable;

/**
 * Where a processor has got to in one shard.
 *
 * @param sequenceNumber the last sequence number processed (or skipped by a filter, or sent to
 * the failure destination), or {@code null} when none yet
 * @param shardEnded whether the shard is closed and was read to its end, so its children may be
 * read
 * @author Tributary
 */
public record Checkpoint(@Nullable String sequenceNumber, boolean shardEnded) {

}
