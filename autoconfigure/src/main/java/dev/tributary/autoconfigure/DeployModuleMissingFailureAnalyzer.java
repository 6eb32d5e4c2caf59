package dev.tributary.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link DeployModuleMissingException}: how to add the deploy module, or how to run
 * the application normally.
 *
 * @author Tributary
 */
class DeployModuleMissingFailureAnalyzer extends AbstractFailureAnalyzer<DeployModuleMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DeployModuleMissingException cause) {
		String description = cause.getName() + "=" + cause.getValue() + " is set (from " + cause.getOrigin()
				+ ") but the deploy module (dev.tributary:tributary-deploy) is not on the class path, so nothing "
				+ "would be deployed and the application would start as a stream processor instead.";
		return new FailureAnalysis(description,
				"Add the deploy module: in the sample app, run with the deploy profile "
						+ "(mvn -pl sample-app -am spring-boot:run -Pdeploy -Dtributary.deploy.command="
						+ cause.getValue() + "); in your own build, add dev.tributary:tributary-deploy with scope "
						+ "provided in a 'deploy' profile (see docs/deploy.md). To run the application normally, "
						+ "remove " + cause.getName() + ".",
				cause);
	}

}
