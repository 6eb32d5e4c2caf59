package dev.tributary.autoconfigure.local;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidAwsEndpointException}: the property, its value, and what an endpoint
 * looks like.
 *
 * @author Tributary
 */
class InvalidAwsEndpointFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAwsEndpointException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidAwsEndpointException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Change " + cause.getProperty() + " to an absolute http or https URI with a host and, for an emulator, "
						+ "a port, such as http://localhost:5000; or remove it to start an embedded emulator.",
				cause);
	}

}
