package dev.tributary.autoconfigure;

/**
 * {@code tributary.deploy.command} is set but the deploy module is not on the class path, so the
 * command would be ignored and the application would start as a stream processor instead.
 * Explained by {@link DeployModuleMissingFailureAnalyzer}.
 *
 * @author Tributary
 */
class DeployModuleMissingException extends ModulePropertyException {

	DeployModuleMissingException(String name, String value, String origin) {
		super(name, value, origin, "deploy module");
	}

}
