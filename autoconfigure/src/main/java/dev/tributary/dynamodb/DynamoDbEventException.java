package dev.tributary.dynamodb;

/**
 * An event the {@link DynamoDbEventCodec} cannot read at all: not JSON, another source's event, or
 * a record that has no sequence number to report it by. Thrown out of the invocation, so that
 * Lambda checkpoints nothing and retries the whole batch under the mapping's retry policy:
 * nothing is lost, and nothing is answered with an empty success. The message says what the
 * input looks like; it names fields, never their values.
 *
 * @author Tributary
 */
public class DynamoDbEventException extends IllegalArgumentException {

	/**
	 * Create an exception.
	 * @param message what the input is and why it cannot be read
	 */
	public DynamoDbEventException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what the input is and why it cannot be read
	 * @param cause the underlying failure
	 */
	public DynamoDbEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
