package dev.tributary.kinesis;

/**
 * An event that cannot be read as the processor's source at all: not JSON, another source's
 * event, or a record that cannot even be identified. The invocation fails as a whole, so Lambda
 * retries the batch and nothing is lost.
 *
 * @author Tributary
 */
public class LambdaEventException extends IllegalArgumentException {

	/**
	 * Create an exception.
	 * @param message what the event is and why it cannot be read
	 */
	public LambdaEventException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what the event is and why it cannot be read
	 * @param cause the parser's error
	 */
	public LambdaEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
