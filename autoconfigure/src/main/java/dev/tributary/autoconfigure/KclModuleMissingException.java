package dev.tributary.autoconfigure;

/**
 * {@code tributary.runtime=kcl} is set but the KCL module is not on the class path, so the
 * processors would run on the single-host local runtime instead of sharing shards with other
 * hosts. Explained by {@link KclModuleMissingFailureAnalyzer}.
 *
 * @author Tributary
 */
class KclModuleMissingException extends RuntimeException {

	private final String name;

	private final String value;

	private final String origin;

	KclModuleMissingException(String name, String value, String origin) {
		super(name + "=" + value + " is set (from " + origin + ") but the KCL module is not on the class path");
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
