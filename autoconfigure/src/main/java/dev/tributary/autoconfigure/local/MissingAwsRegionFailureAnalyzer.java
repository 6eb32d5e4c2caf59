package dev.tributary.autoconfigure.local;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link MissingAwsRegionException}: every place a region can come from.
 *
 * @author Tributary
 */
class MissingAwsRegionFailureAnalyzer extends AbstractFailureAnalyzer<MissingAwsRegionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingAwsRegionException cause) {
		return new FailureAnalysis(
				"Tributary talks to AWS itself (no endpoint is configured and the embedded emulator is off), "
						+ "and no AWS region is configured: " + AwsConnectionFactory.REGION_PROPERTY
						+ " is not set, nor the AWS_REGION environment variable, nor a region in the AWS profile.",
				"Set the region in one of these ways:\n" + "\t- the property " + AwsConnectionFactory.REGION_PROPERTY
						+ "=eu-west-1 (environment variable SPRING_CLOUD_AWS_REGION_STATIC)\n"
						+ "\t- the environment variable AWS_REGION=eu-west-1\n"
						+ "\t- region = eu-west-1 in ~/.aws/config, for the profile named by AWS_PROFILE\n"
						+ "To run against a local emulator instead, set spring.cloud.aws.endpoint, or remove "
						+ "tributary.local.emulator.enabled=false.",
				cause);
	}

}
