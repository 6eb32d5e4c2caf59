package dev.tributary.autoconfigure.local;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@link MissingAwsCredentialsException}: every place credentials can come from.
 * Ordered first, so that it wins over analyzers of the exceptions that wrap it.
 *
 * @author Tributary
 */
class MissingAwsCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingAwsCredentialsException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingAwsCredentialsException cause) {
		return new FailureAnalysis(
				"Tributary has no AWS credentials for " + cause.getTarget() + ": "
						+ AwsConnectionFactory.ACCESS_KEY_PROPERTY + " and " + AwsConnectionFactory.SECRET_KEY_PROPERTY
						+ " are not set, and the SDK's default chain found none.",
				"Provide credentials in one of these ways:\n" + "\t- the properties "
						+ AwsConnectionFactory.ACCESS_KEY_PROPERTY + " and " + AwsConnectionFactory.SECRET_KEY_PROPERTY
						+ "\n\t- the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
						+ "(and AWS_SESSION_TOKEN for temporary credentials)\n"
						+ "\t- a profile in ~/.aws/credentials or ~/.aws/config, chosen with AWS_PROFILE "
						+ "(aws configure, or aws sso login)\n"
						+ (cause.isAwsItself()
								? "To run against a local emulator instead, set spring.cloud.aws.endpoint, or remove "
										+ "tributary.local.emulator.enabled=false."
								: "An emulator accepts any credentials, such as "
										+ AwsConnectionFactory.ACCESS_KEY_PROPERTY + "=test and "
										+ AwsConnectionFactory.SECRET_KEY_PROPERTY + "=test."),
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
