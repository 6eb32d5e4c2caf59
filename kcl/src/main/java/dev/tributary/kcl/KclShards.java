package dev.tributary.kcl;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.tributary.local.ShardState;
import dev.tributary.local.ShardStatus;
import dev.tributary.local.shard.CallRetrier;
import org.jspecify.annotations.Nullable;

/**
 * The shards of one processor that this worker holds a lease on, for the actuator endpoint and
 * health: each written only by its shard's record processor, read by status snapshots.
 *
 * @author Tributary
 */
final class KclShards {

	private final Map<String, Shard> shards = new ConcurrentHashMap<>();

	/**
	 * A shard this worker started reading.
	 * @param shardId the shard
	 * @param checkpoint where it starts, or {@code null}
	 * @param calls the shard's calls, whose failures make its state
	 * @return the shard's status holder
	 */
	Shard started(String shardId, @Nullable String checkpoint, CallRetrier calls) {
		Shard shard = new Shard(shardId, checkpoint, calls);
		this.shards.put(shardId, shard);
		return shard;
	}

	/**
	 * A shard this worker no longer reads (lease lost or handed over, shard ended, shutdown).
	 * @param shard the shard
	 */
	void ended(Shard shard) {
		this.shards.remove(shard.shardId, shard);
	}

	List<ShardStatus> statuses() {
		return this.shards.values()
			.stream()
			.map(Shard::status)
			.sorted(Comparator.comparing(ShardStatus::shardId))
			.toList();
	}

	/**
	 * One shard's state, checkpoint and count.
	 */
	static final class Shard {

		private final String shardId;

		private final CallRetrier calls;

		private final AtomicLong processed = new AtomicLong();

		private volatile @Nullable String checkpoint;

		private volatile ShardState state = ShardState.READING;

		private Shard(String shardId, @Nullable String checkpoint, CallRetrier calls) {
			this.shardId = shardId;
			this.checkpoint = checkpoint;
			this.calls = calls;
		}

		void retrying(boolean retrying) {
			this.state = retrying ? ShardState.RETRYING : ShardState.READING;
		}

		void processed(int records) {
			this.processed.addAndGet(records);
		}

		void checkpointed(String sequenceNumber) {
			this.checkpoint = sequenceNumber;
		}

		@Nullable String checkpoint() {
			return this.checkpoint;
		}

		ShardStatus status() {
			ShardState failing = this.calls.failingState();
			return new ShardStatus(this.shardId, null, (failing != null) ? failing : this.state, this.checkpoint,
					this.processed.get(), this.calls.problem());
		}

	}

}
