package dev.tributary.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidProcessorBindingException} at startup: the setting, its value, why
 * it is invalid and how to fix it.
 *
 * @author Tributary
 */
class InvalidProcessorBindingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidProcessorBindingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidProcessorBindingException cause) {
		String description = "Invalid value '" + cause.getValue() + "' for " + cause.getSource() + ".\n\n"
				+ cause.getReason();
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
