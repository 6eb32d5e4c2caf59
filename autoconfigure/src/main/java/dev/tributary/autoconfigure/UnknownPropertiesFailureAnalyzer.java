package dev.tributary.autoconfigure;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link UnknownPropertiesException}: each unknown property, where it was set, and
 * the valid property closest to it.
 *
 * @author Tributary
 */
class UnknownPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<UnknownPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownPropertiesException cause) {
		String description = "Tributary does not know these properties, so they would have no effect:\n\n"
				+ cause.getProperties()
					.stream()
					.map((property) -> "\t- " + property.describe())
					.collect(Collectors.joining("\n"));
		return new FailureAnalysis(description,
				"Correct or remove each property above. Tributary's properties are listed in docs/reference.md "
						+ "(tributary.processors.<bean>.*, tributary.tables.<id>.*, tributary.local.*, "
						+ "tributary.lambda.*, and tributary.deploy.* with the deploy module), and IDEs complete "
						+ "them from the configuration metadata.",
				cause);
	}

}
