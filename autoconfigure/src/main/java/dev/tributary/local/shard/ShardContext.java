package dev.tributary.local.shard;

/**
 * Which processor reads which shard of which stream, for log lines and failure messages.
 *
 * @param processor the processor's name
 * @param table the table's physical name
 * @param streamArn the stream's ARN
 * @param shardId the shard
 * @author Tributary
 */
record ShardContext(String processor, String table, String streamArn, String shardId) {

	@Override
	public String toString() {
		return "processor '" + this.processor + "', shard " + this.shardId;
	}

}
