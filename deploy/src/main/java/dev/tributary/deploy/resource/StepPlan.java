package dev.tributary.deploy.resource;

import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.ResourceChange;

import org.springframework.util.Assert;

/**
 * A resource's planned change and the calls that make it.
 *
 * @param change the planned change
 * @param apply the mutating calls; run only when the change is not {@link Action#UNCHANGED}
 * @author Tributary
 */
public record StepPlan(ResourceChange change, Runnable apply) {

	public StepPlan {
		Assert.notNull(change, "'change' must not be null");
		Assert.notNull(apply, "'apply' must not be null");
	}

	/**
	 * A plan that leaves the resource alone.
	 * @param change the unchanged resource
	 * @return the plan
	 */
	public static StepPlan unchanged(ResourceChange change) {
		return new StepPlan(change, () -> {
		});
	}

}
