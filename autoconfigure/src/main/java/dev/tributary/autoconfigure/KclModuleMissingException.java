package dev.tributary.autoconfigure;

/**
 * {@code tributary.runtime=kcl} is set but the KCL module is not on the class path, so the
 * processors would run on the single-host local runtime instead of sharing shards with other
 * hosts. Explained by {@link KclModuleMissingFailureAnalyzer}.
 *
 * @author Tributary
 */
class KclModuleMissingException extends ModulePropertyException {

	KclModuleMissingException(String name, String value, String origin) {
		super(name, value, origin, "KCL module");
	}

}
