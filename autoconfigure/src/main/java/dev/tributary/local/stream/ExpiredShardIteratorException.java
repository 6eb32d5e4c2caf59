package dev.tributary.local.stream;

/**
 * A shard iterator that is too old to use (both stream APIs expire them after 15 minutes): the
 * reader takes a new one from its checkpoint.
 *
 * @author Tributary
 */
public class ExpiredShardIteratorException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param cause the source's own error
	 */
	public ExpiredShardIteratorException(Throwable cause) {
		super(cause.getMessage(), cause);
	}

}
