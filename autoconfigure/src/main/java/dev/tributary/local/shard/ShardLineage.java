package dev.tributary.local.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.tributary.local.stream.ShardInfo;
import org.jspecify.annotations.Nullable;

/**
 * Decides which shards may be read now: a shard is ready when it has not ended and each of its
 * parents (one after a split; two after a Kinesis merge) is finished or gone from the stream
 * (trimmed away after the retention period), or it has none. So records of one key are always
 * processed in order across a split or a merge.
 *
 * @author Tributary
 */
final class ShardLineage {

	private ShardLineage() {
	}

	/**
	 * Shards to start reading.
	 * @param shards every shard of the stream
	 * @param ended whether the processor finished a shard
	 * @param started ids of shards already being read
	 * @return the shards to start, parents first
	 */
	static List<ShardInfo> ready(List<ShardInfo> shards, Predicate<String> ended, Set<String> started) {
		Set<String> present = shards.stream().map(ShardInfo::shardId).collect(Collectors.toSet());
		List<ShardInfo> ready = new ArrayList<>();
		for (ShardInfo shard : shards) {
			if (started.contains(shard.shardId()) || ended.test(shard.shardId())) {
				continue;
			}
			if (isDone(shard.parentShardId(), present, ended) && isDone(shard.adjacentParentShardId(), present, ended)) {
				ready.add(shard);
			}
		}
		return ready;
	}

	private static boolean isDone(@Nullable String parent, Set<String> present, Predicate<String> ended) {
		return parent == null || !present.contains(parent) || ended.test(parent);
	}

	/**
	 * Shards waiting for their parent.
	 * @param shards every shard of the stream
	 * @param ended whether the processor finished a shard
	 * @param started ids of shards already being read
	 * @return the waiting shards
	 */
	static List<ShardInfo> waiting(List<ShardInfo> shards, Predicate<String> ended, Set<String> started) {
		List<ShardInfo> ready = ready(shards, ended, started);
		return shards.stream()
			.filter((shard) -> !started.contains(shard.shardId()) && !ended.test(shard.shardId()))
			.filter((shard) -> !ready.contains(shard))
			.toList();
	}

}
