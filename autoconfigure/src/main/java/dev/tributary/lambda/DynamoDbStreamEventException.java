package dev.tributary.lambda;

/**
 * An event a DynamoDB Streams processor cannot take at all: not JSON, another source's event, or
 * a record that has no sequence number to report it by. The Lambda function throws it, naming
 * the processor, around the {@link dev.tributary.dynamodb.DynamoDbEventException} of the codec. Thrown out of the invocation, so that
 * Lambda checkpoints nothing and retries the whole batch under the mapping's retry policy:
 * nothing is lost, and nothing is answered with an empty success. The message says what the
 * input looks like; it names fields, never their values.
 *
 * @author Tributary
 */
public class DynamoDbStreamEventException extends IllegalArgumentException {

	/**
	 * Create an exception.
	 * @param message what the input is and why it cannot be read
	 */
	public DynamoDbStreamEventException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what the input is and why it cannot be read
	 * @param cause the underlying failure
	 */
	public DynamoDbStreamEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
