package dev.tributary.local.shard;

/**
 * Which processor reads which shard of which stream, for log lines and failure messages.
 *
 * @param processor the processor's name
 * @param source the physical name of what the processor reads (a table, a Kinesis stream)
 * @param streamArn the stream's ARN
 * @param shardId the shard
 * @author Tributary
 */
public record ShardContext(String processor, String source, String streamArn, String shardId) {

	@Override
	public String toString() {
		return "processor '" + this.processor + "', shard " + this.shardId;
	}

}
