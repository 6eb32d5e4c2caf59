package dev.tributary.mapping;

/**
 * Stands in for an SDK conversion exception whose message may quote an attribute's value:
 * keeps the original type name and stack trace for diagnosis and drops the message.
 *
 * @author Tributary
 */
final class RedactedException extends RuntimeException {

	private RedactedException(RuntimeException original) {
		super(original.getClass().getName() + " (message withheld: it may quote attribute values)", null, false,
				true);
		setStackTrace(original.getStackTrace());
	}

	static RedactedException of(RuntimeException original) {
		return (original instanceof RedactedException redacted) ? redacted : new RedactedException(original);
	}

}
