package dev.tributary.local;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one shard of a processor.
 *
 * @param shardId the shard
 * @param parentShardId its parent, or {@code null}
 * @param state what the runtime is doing with it
 * @param checkpoint the last sequence number checkpointed, or {@code null}
 * @param recordsProcessed how many records the processor completed in this shard since startup
 * @author Tributary
 */
public record ShardStatus(String shardId, @Nullable String parentShardId, ShardState state,
		@Nullable String checkpoint, long recordsProcessed) {

}
