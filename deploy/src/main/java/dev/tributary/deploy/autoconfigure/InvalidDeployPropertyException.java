package dev.tributary.deploy.autoconfigure;

/**
 * A deploy property with a value AWS would reject, found before any AWS call.
 *
 * @author Tributary
 */
class InvalidDeployPropertyException extends RuntimeException {

	private final String property;

	private final Object value;

	private final String valid;

	InvalidDeployPropertyException(String property, Object value, String valid) {
		super("Invalid value '" + value + "' for " + property + ": " + valid);
		this.property = property;
		this.value = value;
		this.valid = valid;
	}

	String getProperty() {
		return this.property;
	}

	Object getValue() {
		return this.value;
	}

	String getValid() {
		return this.valid;
	}

}
