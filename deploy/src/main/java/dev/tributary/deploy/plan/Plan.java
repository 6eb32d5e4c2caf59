package dev.tributary.deploy.plan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * Every resource change of one deploy or destroy, in the order they are applied.
 *
 * @param changes the changes
 * @author Tributary
 */
public record Plan(List<ResourceChange> changes) {

	public Plan {
		Assert.notNull(changes, "'changes' must not be null");
		changes = List.copyOf(changes);
	}

	/**
	 * Whether applying this plan calls no mutating API at all.
	 * @return whether every resource is unchanged
	 */
	public boolean isEmpty() {
		return this.changes.stream().noneMatch((change) -> change.action().mutates());
	}

	/**
	 * How many resources each action touches.
	 * @return the counts, in action order, without zeros
	 */
	public Map<Action, Integer> counts() {
		Map<Action, Integer> counts = new EnumMap<>(Action.class);
		this.changes.forEach((change) -> counts.merge(change.action(), 1, Integer::sum));
		return counts;
	}

}
