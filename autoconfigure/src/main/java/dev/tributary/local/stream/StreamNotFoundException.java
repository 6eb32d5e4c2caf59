package dev.tributary.local.stream;

/**
 * The stream (or the shard asked for) no longer exists: the emulator was restarted, or the table
 * or stream was deleted. The reader stops and the processor's runtime looks for the stream again.
 *
 * @author Tributary
 */
public class StreamNotFoundException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param cause the source's own error
	 */
	public StreamNotFoundException(Throwable cause) {
		super(cause.getMessage(), cause);
	}

}
