package dev.tributary.s3;

import org.jspecify.annotations.Nullable;

/**
 * An S3 event, or a queue message meant to hold one, that cannot be read: says where and why,
 * never quoting keys or bodies.
 *
 * @author Tributary
 */
public class S3EventException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message where and why
	 */
	public S3EventException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message where and why
	 * @param cause the parser's failure
	 */
	public S3EventException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
