package dev.tributary.lambda;

/**
 * An event an S3 processor invoked directly by S3 cannot read: the invocation fails as a whole.
 *
 * @author Tributary
 */
public class S3EventNotificationException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what the processor expected and what it got
	 * @param cause the codec's failure
	 */
	public S3EventNotificationException(String message, Throwable cause) {
		super(message, cause);
	}

}
