package dev.tributary.autoconfigure;

/**
 * A property that only a module missing from the class path acts on is set, so the application
 * would silently do something else: the property's name, value and origin, for the failure
 * analyzer of each case.
 *
 * @author Tributary
 */
abstract class ModulePropertyException extends RuntimeException {

	private final String name;

	private final String value;

	private final String origin;

	ModulePropertyException(String name, String value, String origin, String module) {
		super(name + "=" + value + " is set (from " + origin + ") but the " + module + " is not on the class path");
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
