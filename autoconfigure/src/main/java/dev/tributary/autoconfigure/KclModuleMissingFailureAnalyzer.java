package dev.tributary.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link KclModuleMissingException}: how to add the KCL module, or how to run on the
 * local runtime.
 *
 * @author Tributary
 */
class KclModuleMissingFailureAnalyzer extends AbstractFailureAnalyzer<KclModuleMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KclModuleMissingException cause) {
		String description = cause.getName() + "=" + cause.getValue() + " is set (from " + cause.getOrigin()
				+ ") but the KCL runtime (dev.tributary:tributary-kcl) is not on the class path, so the DynamoDB "
				+ "Streams and Kinesis processors would run on the single-host local runtime instead.";
		return new FailureAnalysis(description,
				"Add the KCL runtime: in the sample app, run with the kcl profile (mvn -pl sample-app -am "
						+ "spring-boot:run -Pkcl -Dspring-boot.run.arguments=--tributary.runtime=kcl); in your own "
						+ "build, add the dependency dev.tributary:tributary-kcl (outside the Lambda artifact, see "
						+ "docs/kcl.md). To run on the local runtime, remove " + cause.getName()
						+ " or set it to 'local'.",
				cause);
	}

}
