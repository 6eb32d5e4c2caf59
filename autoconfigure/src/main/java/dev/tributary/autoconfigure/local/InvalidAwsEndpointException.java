package dev.tributary.autoconfigure.local;

/**
 * A configured AWS endpoint that is not an absolute http or https URI. Explained by
 * {@link InvalidAwsEndpointFailureAnalyzer}.
 *
 * @author Tributary
 */
class InvalidAwsEndpointException extends RuntimeException {

	private final String property;

	private final String value;

	InvalidAwsEndpointException(String property, String value, String reason) {
		super("Invalid value '" + value + "' for " + property + ": " + reason);
		this.property = property;
		this.value = value;
	}

	String getProperty() {
		return this.property;
	}

	String getValue() {
		return this.value;
	}

}
