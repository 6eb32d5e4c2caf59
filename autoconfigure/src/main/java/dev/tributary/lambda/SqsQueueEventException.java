package dev.tributary.lambda;

/**
 * An SQS processor's Lambda input that is not an SQS event it can read: not JSON, another
 * source's event, or a record without its message id or body. The invocation fails as a whole,
 * so Lambda makes every message visible again after the visibility timeout and deletes none.
 *
 * @author Tributary
 */
public class SqsQueueEventException extends IllegalArgumentException {

	/**
	 * Create an exception.
	 * @param message what the input is and why it cannot be read
	 * @param cause the underlying failure
	 */
	public SqsQueueEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
