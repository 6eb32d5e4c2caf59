package dev.tributary.lambda;

import org.jspecify.annotations.Nullable;

/**
 * Fails an invocation whose source reads no partial batch response (S3 delivering directly), so
 * that Lambda retries it rather than counting the failed records as processed.
 *
 * @author Tributary
 */
public class BatchFailedException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what failed and what happens next
	 * @param cause the processor's failure, if any
	 */
	public BatchFailedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
