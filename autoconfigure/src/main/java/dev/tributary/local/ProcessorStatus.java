package dev.tributary.local;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one processor in the local runtime.
 *
 * @param name the processor's name
 * @param table the table's physical name
 * @param streamArn the stream read, or {@code null} before it was found
 * @param running whether the processor is being fed
 * @param shards its shards
 * @param discoveryProblem why listing the stream's shards keeps failing, or {@code null} when it
 * does not
 * @author Tributary
 */
public record ProcessorStatus(String name, String table, @Nullable String streamArn, boolean running,
		List<ShardStatus> shards, @Nullable CallProblem discoveryProblem) {

	/**
	 * A snapshot of a processor whose shard discovery works.
	 * @param name the processor's name
	 * @param table the table's physical name
	 * @param streamArn the stream read, or {@code null} before it was found
	 * @param running whether the processor is being fed
	 * @param shards its shards
	 */
	public ProcessorStatus(String name, String table, @Nullable String streamArn, boolean running,
			List<ShardStatus> shards) {
		this(name, table, streamArn, running, shards, null);
	}

	/**
	 * Whether the processor cannot read at the moment: its shard discovery or one of its shards
	 * is unavailable (calls failed {@link CallProblem#UNAVAILABLE_AFTER} times in a row, or the
	 * stream or table is gone).
	 * @return whether it cannot read
	 */
	public boolean isUnavailable() {
		return (this.discoveryProblem != null && this.discoveryProblem.unavailable())
				|| this.shards.stream().anyMatch(ShardStatus::isUnavailable);
	}

}
