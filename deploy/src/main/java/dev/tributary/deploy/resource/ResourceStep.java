package dev.tributary.deploy.resource;

/**
 * One deployed resource. Planning reads the current state from AWS (read calls only) and
 * publishes what later resources need (ARNs) into the {@link DeployContext}; applying makes the
 * mutating calls.
 *
 * @author Tributary
 */
public interface ResourceStep {

	/**
	 * Compare the resource on AWS with the desired one.
	 * @param context the run's context
	 * @return the change and how to apply it
	 */
	StepPlan plan(DeployContext context);

	/**
	 * Plan the removal of the resource.
	 * @param context the run's context
	 * @return the deletion (or unchanged when absent or kept) and how to apply it
	 */
	StepPlan planDestroy(DeployContext context);

}
