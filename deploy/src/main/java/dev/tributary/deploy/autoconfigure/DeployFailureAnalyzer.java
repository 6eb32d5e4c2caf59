package dev.tributary.deploy.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a failed deploy command: what failed, and that re-running converges.
 *
 * @author Tributary
 */
class DeployFailureAnalyzer extends AbstractFailureAnalyzer<DeployFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DeployFailedException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the cause above and run the command again: deploy reads what already exists and applies only "
						+ "what is missing or different. Check credentials and region (spring.cloud.aws.*) when AWS "
						+ "denied a call.",
				cause);
	}

}
