package dev.tributary.local.checkpoint;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link CheckpointStore} seen by the reader of one stream: every checkpoint and lease is
 * kept under the processor's name and the stream's ARN, so that two processors of the same name
 * reading different streams through one table (two applications, or two stages, sharing the
 * default {@code tributary-checkpoints}) never take each other's positions or leases. Kinesis
 * shard ids repeat across streams ({@code shardId-000000000000}), so the processor's name and
 * the shard id alone are not enough.
 * <p>
 * Checkpoints written before the key carried the stream (under the processor's name only) are
 * still read for DynamoDB streams, whose shard ids are unique across streams; new positions are
 * written under the new key. Kinesis checkpoints of that form cannot be told apart by stream and
 * are not read: such a processor starts from its starting position once.
 *
 * @author Tributary
 */
public final class StreamScopedCheckpointStore implements CheckpointStore {

	private static final String SEPARATOR = " @ ";

	private final CheckpointStore store;

	private final Supplier<String> streamArn;

	/**
	 * Create a store for a stream's reader.
	 * @param store the store every reader shares
	 * @param streamArn the stream being read, asked on every call (a table's stream can be
	 * replaced while the runtime runs)
	 */
	public StreamScopedCheckpointStore(CheckpointStore store, Supplier<String> streamArn) {
		Assert.notNull(store, "'store' must not be null");
		Assert.notNull(streamArn, "'streamArn' must not be null");
		this.store = store;
		this.streamArn = streamArn;
	}

	/**
	 * The key a processor's checkpoints in a stream are stored under.
	 * @param processor the processor's name
	 * @param streamArn the stream's ARN
	 * @return the key
	 */
	public static String key(String processor, String streamArn) {
		return processor + SEPARATOR + streamArn;
	}

	@Override
	public Optional<Checkpoint> find(String processor, String shardId) {
		String stream = this.streamArn.get();
		Optional<Checkpoint> checkpoint = this.store.find(key(processor, stream), shardId);
		if (checkpoint.isEmpty() && hasUniqueShardIds(stream)) {
			return this.store.find(processor, shardId);
		}
		return checkpoint;
	}

	@Override
	public void save(String processor, String shardId, String sequenceNumber) {
		this.store.save(scoped(processor), shardId, sequenceNumber);
	}

	@Override
	public void saveStart(String processor, String shardId, Instant startedAt) {
		this.store.saveStart(scoped(processor), shardId, startedAt);
	}

	@Override
	public void markShardEnded(String processor, String shardId, @Nullable String lastSequenceNumber) {
		this.store.markShardEnded(scoped(processor), shardId, lastSequenceNumber);
	}

	@Override
	public ShardLease acquireLease(String processor, String shardId, String owner, Instant now, Instant expiresAt) {
		return this.store.acquireLease(scoped(processor), shardId, owner, now, expiresAt);
	}

	@Override
	public boolean renewLease(String processor, String shardId, String owner, Instant expiresAt) {
		return this.store.renewLease(scoped(processor), shardId, owner, expiresAt);
	}

	@Override
	public void releaseLease(String processor, String shardId, String owner) {
		this.store.releaseLease(scoped(processor), shardId, owner);
	}

	private String scoped(String processor) {
		return key(processor, this.streamArn.get());
	}

	private static boolean hasUniqueShardIds(String streamArn) {
		return streamArn.startsWith("arn:") && streamArn.contains(":dynamodb:");
	}

}
