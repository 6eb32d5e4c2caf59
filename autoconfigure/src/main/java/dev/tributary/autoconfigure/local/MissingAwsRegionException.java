package dev.tributary.autoconfigure.local;

/**
 * No AWS region is configured while Tributary talks to AWS itself. Explained by
 * {@link MissingAwsRegionFailureAnalyzer}.
 *
 * @author Tributary
 */
class MissingAwsRegionException extends RuntimeException {

	MissingAwsRegionException(Throwable cause) {
		super("No AWS region is configured: set " + AwsConnectionFactory.REGION_PROPERTY
				+ ", the AWS_REGION environment variable, or a region in your AWS profile", cause);
	}

}
