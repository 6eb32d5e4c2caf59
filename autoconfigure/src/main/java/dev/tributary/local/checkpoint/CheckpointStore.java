package dev.tributary.local.checkpoint;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Stores each processor's position in each shard. A position never goes backwards: saving a
 * sequence number lower than the stored one leaves the stored one in place.
 *
 * @author Tributary
 * @see DynamoDbCheckpointStore
 * @see InMemoryCheckpointStore
 */
public interface CheckpointStore {

	/**
	 * Find the checkpoint of a processor in a shard.
	 * @param processor the processor's name
	 * @param shardId the shard
	 * @return the checkpoint, empty if the processor never read the shard
	 */
	Optional<Checkpoint> find(String processor, String shardId);

	/**
	 * Record that every record up to and including {@code sequenceNumber} is done.
	 * @param processor the processor's name
	 * @param shardId the shard
	 * @param sequenceNumber the last sequence number done
	 */
	void save(String processor, String shardId, String sequenceNumber);

	/**
	 * Record when a processor started reading a shard it has no checkpoint in, so that a restart
	 * before its first record still knows where it began. Does nothing when the shard already has
	 * a checkpoint.
	 * @param processor the processor's name
	 * @param shardId the shard
	 * @param startedAt when it started reading at {@code LATEST}, or {@link Instant#EPOCH} for the
	 * trim horizon
	 */
	void saveStart(String processor, String shardId, Instant startedAt);

	/**
	 * Record that a closed shard was read to its end.
	 * @param processor the processor's name
	 * @param shardId the shard
	 * @param lastSequenceNumber its last sequence number, if any record was read
	 */
	void markShardEnded(String processor, String shardId, @Nullable String lastSequenceNumber);

}
