package dev.tributary.deploy.resource;

import java.util.function.Function;

import dev.tributary.deploy.plan.ResourceChange;

import org.springframework.util.Assert;

/**
 * A resource of a processor that is no longer in the code: deploy and destroy both delete it,
 * and the plan says why.
 *
 * @author Tributary
 */
public final class RemovalStep implements ResourceStep {

	private final String processor;

	private final Function<DeployContext, StepPlan> removal;

	/**
	 * Create the step.
	 * @param processor the removed processor's name
	 * @param removal plans the deletion of the resource (unchanged when it is absent)
	 */
	public RemovalStep(String processor, Function<DeployContext, StepPlan> removal) {
		Assert.hasText(processor, "'processor' must not be empty");
		Assert.notNull(removal, "'removal' must not be null");
		this.processor = processor;
		this.removal = removal;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		StepPlan plan = this.removal.apply(context);
		ResourceChange change = plan.change();
		if (!change.action().mutates()) {
			return plan;
		}
		return new StepPlan(new ResourceChange(change.type(), change.name(), change.action(), change.changes(),
				"processor '" + this.processor + "' is no longer in the code"
						+ change.findConsequence().map((consequence) -> "; " + consequence).orElse("")),
				plan.apply());
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		return plan(context);
	}

}
