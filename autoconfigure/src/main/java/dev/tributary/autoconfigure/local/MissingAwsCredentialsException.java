package dev.tributary.autoconfigure.local;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The SDK's default credentials chain found no credentials. An {@link SdkClientException}, as
 * the SDK's own error is, with a message that names the properties and environment variables
 * that provide them. Explained by {@link MissingAwsCredentialsFailureAnalyzer}.
 *
 * @author Tributary
 */
class MissingAwsCredentialsException extends SdkClientException {

	private final String target;

	MissingAwsCredentialsException(String target, Throwable cause) {
		super(SdkClientException.builder()
			.message("No AWS credentials for " + target + ": set " + AwsConnectionFactory.ACCESS_KEY_PROPERTY + " and "
					+ AwsConnectionFactory.SECRET_KEY_PROPERTY
					+ ", the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables, or an AWS profile ("
					+ cause.getMessage() + ")")
			.cause(cause));
		this.target = target;
	}

	String getTarget() {
		return this.target;
	}

	boolean isAwsItself() {
		return AwsConnectionFactory.AWS_ITSELF.equals(this.target);
	}

}
