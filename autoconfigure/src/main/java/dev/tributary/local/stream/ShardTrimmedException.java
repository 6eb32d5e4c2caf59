package dev.tributary.local.stream;

/**
 * Records after the requested position were trimmed from the shard before they were read (older
 * than the stream's retention): the reader reports the gap and resumes at the trim horizon.
 *
 * @author Tributary
 */
public class ShardTrimmedException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param cause the source's own error
	 */
	public ShardTrimmedException(Throwable cause) {
		super(cause.getMessage(), cause);
	}

}
