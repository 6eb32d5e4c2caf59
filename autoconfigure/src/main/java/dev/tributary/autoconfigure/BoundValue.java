package dev.tributary.autoconfigure;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * A resolved setting and where it came from, so that a validation failure can name the
 * property or annotation attribute the user has to change.
 *
 * @param <V> the value type
 * @param value the value
 * @param source the property name, or the annotation attribute and its bean
 * @author Tributary
 */
record BoundValue<V>(V value, String source) {

	/**
	 * Pick the property value when set, else the annotation value.
	 * @param <V> the value type
	 * @param processor the processor's bean name
	 * @param property the property value, or {@code null} when unset
	 * @param propertyName the property's name below {@code tributary.processors.<name>.}
	 * @param annotationValue the annotation's value (or the default when there is no annotation)
	 * @param attribute the annotation attribute's name
	 * @param annotation the simple name of the bean's binding annotation, or {@code null} when
	 * it has none
	 * @return the bound value
	 */
	static <V> BoundValue<V> pick(String processor, @Nullable V property, String propertyName, V annotationValue,
			String attribute, @Nullable String annotation) {
		if (property != null) {
			return new BoundValue<>(property, propertyName(processor, propertyName));
		}
		String source = (annotation != null) ? "@" + annotation + "(" + attribute + ") on bean '" + processor + "'"
				: "the default of " + propertyName(processor, propertyName);
		return new BoundValue<>(annotationValue, source);
	}

	static String propertyName(String processor, String property) {
		return TributaryProperties.PREFIX + ".processors." + processor + "." + property;
	}

	/**
	 * Fail unless the value satisfies {@code valid}.
	 * @param valid the check
	 * @param reason what is valid
	 * @return this value
	 */
	BoundValue<V> require(Predicate<V> valid, String reason) {
		if (!valid.test(this.value)) {
			throw new InvalidProcessorBindingException(this.source, String.valueOf(this.value), reason,
					"Change " + this.source + " to a valid value.");
		}
		return this;
	}

}
