package dev.tributary.deploy.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidDeployPropertyException}: which property, which value, and what
 * would be valid.
 *
 * @author Tributary
 */
class InvalidDeployPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDeployPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidDeployPropertyException cause) {
		return new FailureAnalysis(
				"Deploy property '" + cause.getProperty() + "' has the invalid value '" + cause.getValue() + "'.",
				"Set '" + cause.getProperty() + "' to a valid value: " + cause.getValid() + ".", cause);
	}

}
