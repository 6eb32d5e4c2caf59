package dev.tributary.local.checkpoint;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.tributary.SequenceNumbers;
import org.jspecify.annotations.Nullable;

/**
 * {@link CheckpointStore} in memory, for tests: positions are lost when the application stops.
 * Leases follow the same rules as in {@link DynamoDbCheckpointStore}, between runtimes sharing
 * this store in one JVM.
 *
 * @author Tributary
 */
public final class InMemoryCheckpointStore implements CheckpointStore {

	private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

	private final Map<String, ShardLease> leases = new ConcurrentHashMap<>();

	@Override
	public Optional<Checkpoint> find(String processor, String shardId) {
		return Optional.ofNullable(this.checkpoints.get(key(processor, shardId)));
	}

	@Override
	public void save(String processor, String shardId, String sequenceNumber) {
		this.checkpoints.merge(key(processor, shardId), new Checkpoint(sequenceNumber, false),
				(current, proposed) -> isAhead(proposed.sequenceNumber(), current.sequenceNumber())
						? new Checkpoint(proposed.sequenceNumber(), current.shardEnded(), current.startedAt())
						: current);
	}

	@Override
	public void saveStart(String processor, String shardId, Instant startedAt) {
		this.checkpoints.putIfAbsent(key(processor, shardId), new Checkpoint(null, false, startedAt));
	}

	@Override
	public void markShardEnded(String processor, String shardId, @Nullable String lastSequenceNumber) {
		this.checkpoints.merge(key(processor, shardId), new Checkpoint(lastSequenceNumber, true),
				(current, proposed) -> new Checkpoint(
						isAhead(lastSequenceNumber, current.sequenceNumber()) ? lastSequenceNumber
								: current.sequenceNumber(),
						true, current.startedAt()));
	}

	@Override
	public ShardLease acquireLease(String processor, String shardId, String owner, Instant now, Instant expiresAt) {
		return this.leases.compute(key(processor, shardId),
				(key, current) -> (current == null || current.isHeldBy(owner) || !current.expiresAt().isAfter(now))
						? new ShardLease(owner, expiresAt) : current);
	}

	@Override
	public boolean renewLease(String processor, String shardId, String owner, Instant expiresAt) {
		ShardLease renewed = this.leases.computeIfPresent(key(processor, shardId),
				(key, current) -> current.isHeldBy(owner) ? new ShardLease(owner, expiresAt) : current);
		return renewed != null && renewed.isHeldBy(owner) && renewed.expiresAt().equals(expiresAt);
	}

	@Override
	public void releaseLease(String processor, String shardId, String owner) {
		this.leases.computeIfPresent(key(processor, shardId),
				(key, current) -> current.isHeldBy(owner) ? null : current);
	}

	private static boolean isAhead(@Nullable String proposed, @Nullable String current) {
		return proposed != null && (current == null || SequenceNumbers.compare(proposed, current) > 0);
	}

	private static String key(String processor, String shardId) {
		return processor + "\u0000" + shardId;
	}

}
