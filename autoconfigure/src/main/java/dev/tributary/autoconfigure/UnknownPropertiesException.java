package dev.tributary.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Properties under {@code tributary.*} that no Tributary module knows, found at startup, so a
 * misspelled setting fails instead of being ignored. Explained by
 * {@link UnknownPropertiesFailureAnalyzer}.
 *
 * @author Tributary
 */
class UnknownPropertiesException extends RuntimeException {

	private final List<UnknownProperty> properties;

	UnknownPropertiesException(List<UnknownProperty> properties) {
		super("Unknown Tributary properties: "
				+ properties.stream().map(UnknownProperty::describe).collect(Collectors.joining("; ")));
		this.properties = List.copyOf(properties);
	}

	List<UnknownProperty> getProperties() {
		return this.properties;
	}

}
