package dev.tributary.autoconfigure.local;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains an {@link AwsEndpointUnreachableException}: which endpoint, where it was configured,
 * and how to give Tributary one that answers. Ordered first, so that it wins over analyzers of
 * the exceptions that wrap it (a failed deploy, a bean that failed to start).
 *
 * @author Tributary
 */
class AwsEndpointUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<AwsEndpointUnreachableException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AwsEndpointUnreachableException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Start the emulator at " + cause.getEndpoint() + " (for example moto_server -H 127.0.0.1 -p <port>), "
						+ "or change " + cause.getSource() + " to an endpoint that answers, or remove it to start an "
						+ "embedded emulator.",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
