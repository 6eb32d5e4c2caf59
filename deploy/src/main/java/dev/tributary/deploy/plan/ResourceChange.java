package dev.tributary.deploy.plan;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a plan does to one resource: the action, the fields that change, and for a replacement
 * what the user should know (for example a new stream ARN and a gap for the consumer).
 *
 * @param type the resource type, for example {@code function}
 * @param name the resource's physical name
 * @param action the action
 * @param changes the fields that change (empty for unchanged and delete)
 * @param consequence what a replacement or deletion means for the running system, or
 * {@code null}
 * @author Tributary
 */
public record ResourceChange(String type, String name, Action action, List<FieldChange> changes,
		@Nullable String consequence) {

	public ResourceChange {
		Assert.hasText(type, "'type' must not be empty");
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(action, "'action' must not be null");
		changes = List.copyOf(changes);
	}

	/**
	 * A resource left as it is.
	 * @param type the type
	 * @param name the name
	 * @return the change
	 */
	public static ResourceChange unchanged(String type, String name) {
		return new ResourceChange(type, name, Action.UNCHANGED, List.of(), null);
	}

	/**
	 * A resource with an action and no consequence to report.
	 * @param type the type
	 * @param name the name
	 * @param action the action
	 * @param changes the fields that change
	 * @return the change
	 */
	public static ResourceChange of(String type, String name, Action action, List<FieldChange> changes) {
		return new ResourceChange(type, name, action, changes, null);
	}

	/**
	 * What the change means for the running system.
	 * @return the consequence, if any
	 */
	public Optional<String> findConsequence() {
		return Optional.ofNullable(this.consequence);
	}

	/**
	 * Whether a field with this name changes.
	 * @param field the field
	 * @return whether it is among the changes
	 */
	public boolean changes(String field) {
		return this.changes.stream().anyMatch((change) -> change.field().equals(field));
	}

}
