package dev.tributary;

/**
 * The capacity mode of a Kinesis data stream the application declares.
 *
 * @author Tributary
 */
public enum KinesisStreamMode {

	/**
	 * A fixed number of shards ({@code tributary.streams.<id>.shard-count}).
	 */
	PROVISIONED,

	/**
	 * Kinesis scales the shards itself; the shard count is not set.
	 */
	ON_DEMAND

}
