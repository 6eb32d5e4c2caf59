package dev.tributary.local.stream;

/**
 * A read refused because the shard's or the account's read limit is reached: the reader backs
 * off and tries again.
 *
 * @author Tributary
 */
public class ShardThrottledException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param cause the source's own error
	 */
	public ShardThrottledException(Throwable cause) {
		super(cause.getMessage(), cause);
	}

}
