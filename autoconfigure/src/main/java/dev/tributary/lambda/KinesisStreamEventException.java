package dev.tributary.lambda;

/**
 * A Kinesis processor's Lambda input that is not a Kinesis event it can read: not JSON, another
 * source's event, or a record without a sequence number to report it by. The invocation fails as
 * a whole, so Lambda retries the batch and nothing is checkpointed past.
 *
 * @author Tributary
 */
public class KinesisStreamEventException extends IllegalArgumentException {

	/**
	 * Create an exception.
	 * @param message what the input is and why it cannot be read
	 * @param cause the underlying failure
	 */
	public KinesisStreamEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
