package dev.tributary.local.shard;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.tributary.local.ShardState;
import dev.tributary.local.ShardStatus;
import dev.tributary.local.checkpoint.ShardLease;
import dev.tributary.local.stream.ShardInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The shards of one processor whose lease another instance holds: says once when this instance
 * becomes a standby for a shard, and once when it takes the shard over.
 *
 * @author Tributary
 */
final class StandbyShards {

	private static final Log logger = LogFactory.getLog(StandbyShards.class);

	private final String processor;

	private final Map<String, ShardInfo> shards = new ConcurrentHashMap<>();

	StandbyShards(String processor) {
		this.processor = processor;
	}

	/**
	 * Record that another instance holds a shard's lease.
	 * @param shard the shard
	 * @param lease its lease, held by the other instance
	 */
	void add(ShardInfo shard, ShardLease lease) {
		if (this.shards.put(shard.shardId(), shard) == null) {
			logger.info("Processor '" + this.processor + "' is standby for shard " + shard.shardId() + ": instance "
					+ lease.owner() + " holds its lease (until " + lease.expiresAt()
					+ "); this instance takes over when that one stops or its lease expires");
		}
	}

	/**
	 * Record that this instance took a shard's lease.
	 * @param shardId the shard
	 * @param owner this instance's owner id
	 */
	void tookOver(String shardId, String owner) {
		if (this.shards.remove(shardId) != null) {
			logger.info("Processor '" + this.processor + "' took over shard " + shardId + " as lease owner " + owner);
		}
	}

	/**
	 * Forget the shards no longer waited for (ended, or gone from the stream).
	 * @param current the shards still standby after a discovery
	 */
	void retain(Set<String> current) {
		this.shards.keySet().retainAll(current);
	}

	boolean isEmpty() {
		return this.shards.isEmpty();
	}

	List<ShardStatus> statuses() {
		return this.shards.values()
			.stream()
			.map((shard) -> new ShardStatus(shard.shardId(), shard.parentShardId(), ShardState.STANDBY, null, 0))
			.toList();
	}

}
