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
 * @param problem why calls for this shard are failing, or {@code null} when they are not
 * @author Tributary
 */
public record ShardStatus(String shardId, @Nullable String parentShardId, ShardState state,
		@Nullable String checkpoint, long recordsProcessed, @Nullable CallProblem problem) {

	/**
	 * A snapshot of a shard whose calls are not failing.
	 * @param shardId the shard
	 * @param parentShardId its parent, or {@code null}
	 * @param state what the runtime is doing with it
	 * @param checkpoint the last sequence number checkpointed, or {@code null}
	 * @param recordsProcessed how many records the processor completed in this shard since startup
	 */
	public ShardStatus(String shardId, @Nullable String parentShardId, ShardState state, @Nullable String checkpoint,
			long recordsProcessed) {
		this(shardId, parentShardId, state, checkpoint, recordsProcessed, null);
	}

	/**
	 * Whether the shard cannot be read at the moment.
	 * @return whether it is {@link ShardState#UNAVAILABLE}
	 */
	public boolean isUnavailable() {
		return this.state == ShardState.UNAVAILABLE;
	}

}
