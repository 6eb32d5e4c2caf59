package dev.tributary.local;

/**
 * What the local runtime is doing with one shard of a processor.
 *
 * @author Tributary
 */
public enum ShardState {

	/** The shard's parent is not finished yet. */
	WAITING_FOR_PARENT,

	/** Another instance holds the shard's lease: this one takes over when it stops or dies. */
	STANDBY,

	/** Getting an iterator. */
	STARTING,

	/** Polling for records and processing them. */
	READING,

	/** A batch failed and is being retried. */
	RETRYING,

	/** Backing off after throttling errors. */
	THROTTLED,

	/**
	 * A stream or checkpoint call failed (a server error, a lost connection, ...): backing off
	 * and trying again.
	 */
	BACKING_OFF,

	/**
	 * Cannot read: calls failed several times in a row, or the stream or table is gone. Reading
	 * resumes by itself once calls succeed again; the health indicator is down meanwhile.
	 */
	UNAVAILABLE,

	/** A closed shard was read to its end. */
	ENDED,

	/** Reading stopped on shutdown. */
	STOPPED

}
