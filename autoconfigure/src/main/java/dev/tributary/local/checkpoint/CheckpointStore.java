package dev.tributary.local.checkpoint;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Stores each processor's position in each shard. A position never goes backwards: saving a
 * sequence number lower than the stored one leaves the stored one in place.
 * <p>
 * It also holds a lease per processor and shard, so that of several instances of the runtime
 * only one reads a shard at a time: an instance takes a lease only when it is free, expired or
 * already its own, renews it before it expires, and releases it when it stops reading. Expiry
 * times come from the instances' clocks, which must agree to well within a lease's duration.
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

	/**
	 * Take the lease of a processor's shard if it is free, expired at {@code now}, or already
	 * held by {@code owner}.
	 * @param processor the processor's name
	 * @param shardId the shard
	 * @param owner the instance asking
	 * @param now the current time
	 * @param expiresAt when the lease expires if taken
	 * @return the lease as it stands after the call: held by {@code owner} when taken, by the
	 * current holder otherwise
	 */
	ShardLease acquireLease(String processor, String shardId, String owner, Instant now, Instant expiresAt);

	/**
	 * Extend a lease held by {@code owner}.
	 * @param processor the processor's name
	 * @param shardId the shard
	 * @param owner the instance holding it
	 * @param expiresAt the new expiry
	 * @return {@code false} when {@code owner} no longer holds the lease (another instance took
	 * it, or it was released), and must stop reading the shard
	 */
	boolean renewLease(String processor, String shardId, String owner, Instant expiresAt);

	/**
	 * Give up a lease, if {@code owner} still holds it, so another instance can take it at once.
	 * @param processor the processor's name
	 * @param shardId the shard
	 * @param owner the instance holding it
	 */
	void releaseLease(String processor, String shardId, String owner);

}
