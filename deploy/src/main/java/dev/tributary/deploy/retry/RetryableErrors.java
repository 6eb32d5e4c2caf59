package dev.tributary.deploy.retry;

import java.util.Locale;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Errors worth retrying during a deploy: throttling, a Lambda function that is still being
 * updated, and a new IAM role that Lambda cannot assume yet because IAM is eventually
 * consistent.
 *
 * @author Tributary
 */
public final class RetryableErrors {

	private RetryableErrors() {
	}

	/**
	 * Whether an error is transient.
	 * @param ex the error
	 * @return whether retrying may succeed
	 */
	public static boolean isRetryable(Throwable ex) {
		if (!(ex instanceof AwsServiceException service)) {
			return false;
		}
		if (service.isThrottlingException() || service.statusCode() == 429) {
			return true;
		}
		String code = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorCode() : null;
		String message = String.valueOf(service.getMessage()).toLowerCase(Locale.ROOT);
		if ("ResourceConflictException".equals(code) || "ConcurrentModificationException".equals(code)) {
			return true;
		}
		return isRolePropagation(code, message);
	}

	private static boolean isRolePropagation(@org.jspecify.annotations.Nullable String code, String message) {
		return "InvalidParameterValueException".equals(code)
				&& (message.contains("cannot be assumed") || message.contains("role defined for the function"));
	}

}
