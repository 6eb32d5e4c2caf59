package dev.tributary.autoconfigure;

/**
 * {@code tributary.deploy.command} is set but the deploy module is not on the class path, so the
 * command would be ignored and the application would start as a stream processor instead.
 * Explained by {@link DeployModuleMissingFailureAnalyzer}.
 *
 * @author Tributary
 */
class DeployModuleMissingException extends RuntimeException {

	private final String name;

	private final String value;

	private final String origin;

	DeployModuleMissingException(String name, String value, String origin) {
		super(name + "=" + value + " is set (from " + origin + ") but the deploy module is not on the class path");
		this.name = name;
		this.value = value;
		this.origin = origin;
	}

	String getName() {
		return this.name;
	}

	String getValue() {
		return this.value;
	}

	String getOrigin() {
		return this.origin;
	}

}
