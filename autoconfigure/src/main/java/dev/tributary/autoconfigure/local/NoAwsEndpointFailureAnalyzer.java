package dev.tributary.autoconfigure.local;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains how to give the local runtime an AWS API to talk to.
 *
 * @author Tributary
 */
class NoAwsEndpointFailureAnalyzer extends AbstractFailureAnalyzer<NoAwsEndpointException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoAwsEndpointException cause) {
		return new FailureAnalysis(
				"Tributary's local runtime needs an AWS API. No endpoint is configured "
						+ "(spring.cloud.aws.endpoint), moto_server is not on the PATH, and Docker is not available "
						+ "to run the motoserver/moto container.",
				"Do one of the following:\n" + "\t- install the emulator: pip install 'moto[server]'\n"
						+ "\t- start Docker (with org.testcontainers:testcontainers on the classpath)\n"
						+ "\t- point at a running endpoint: spring.cloud.aws.endpoint=http://localhost:5000\n"
						+ "\t- talk to AWS itself, deliberately: tributary.local.emulator.enabled=false (with AWS credentials and a region)",
				cause);
	}

}
