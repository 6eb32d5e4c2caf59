package dev.tributary.local.stream;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One shard of a stream, as DescribeStream lists it.
 *
 * @param shardId the shard id
 * @param parentShardId the shard it split from, or {@code null}
 * @param adjacentParentShardId the second parent of a shard that two merged into (Kinesis), or
 * {@code null}
 * @param endingSequenceNumber its last sequence number once it is closed, else {@code null}
 * @author Tributary
 */
public record ShardInfo(String shardId, @Nullable String parentShardId, @Nullable String adjacentParentShardId,
		@Nullable String endingSequenceNumber) {

	public ShardInfo {
		Assert.hasText(shardId, "'shardId' must not be empty");
	}

	/**
	 * A shard with at most one parent, as DynamoDB Streams has them.
	 * @param shardId the shard id
	 * @param parentShardId the shard it split from, or {@code null}
	 * @param endingSequenceNumber its last sequence number once it is closed, else {@code null}
	 */
	public ShardInfo(String shardId, @Nullable String parentShardId, @Nullable String endingSequenceNumber) {
		this(shardId, parentShardId, null, endingSequenceNumber);
	}

	/**
	 * Whether the shard is closed: it takes no new records and ends once read.
	 * @return whether the shard is closed
	 */
	public boolean isClosed() {
		return this.endingSequenceNumber != null;
	}

}
