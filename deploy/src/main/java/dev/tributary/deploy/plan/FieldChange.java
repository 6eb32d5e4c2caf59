package dev.tributary.deploy.plan;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One field of a resource that a plan changes.
 *
 * @param field the field's name, as the AWS API calls it
 * @param from the current value, {@code null} when absent
 * @param to the desired value, {@code null} when removed
 * @author Tributary
 */
public record FieldChange(String field, @Nullable String from, @Nullable String to) {

	/** Placeholder for a value only known once an earlier resource is applied. */
	public static final String KNOWN_AFTER_APPLY = "(known after apply)";

	public FieldChange {
		Assert.hasText(field, "'field' must not be empty");
	}

	/**
	 * A field a create sets.
	 * @param field the field
	 * @param to its value
	 * @return the change
	 */
	public static FieldChange set(String field, @Nullable Object to) {
		return new FieldChange(field, null, (to != null) ? to.toString() : null);
	}

	@Override
	public String toString() {
		return (this.from != null) ? this.field + ": " + this.from + " -> " + this.to : this.field + ": " + this.to;
	}

}
