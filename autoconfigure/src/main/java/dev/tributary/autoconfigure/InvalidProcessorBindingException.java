package dev.tributary.autoconfigure;

/**
 * A processor binding that cannot work: a value out of range, a processor without a table, a
 * binding without a processor. Carries what {@link InvalidProcessorBindingFailureAnalyzer}
 * needs to tell the user which setting is wrong, its value, and what would be valid.
 *
 * @author Tributary
 */
class InvalidProcessorBindingException extends RuntimeException {

	private final String source;

	private final String value;

	private final String reason;

	private final String action;

	/**
	 * Create a new exception.
	 * @param source where the value comes from: a property name, or an annotation attribute
	 * and its bean
	 * @param value the offending value
	 * @param reason what is wrong, including what would be valid
	 * @param action what to do about it
	 */
	InvalidProcessorBindingException(String source, String value, String reason, String action) {
		super("Invalid value '" + value + "' for " + source + ": " + reason);
		this.source = source;
		this.value = value;
		this.reason = reason;
		this.action = action;
	}

	String getSource() {
		return this.source;
	}

	String getValue() {
		return this.value;
	}

	String getReason() {
		return this.reason;
	}

	String getAction() {
		return this.action;
	}

}
