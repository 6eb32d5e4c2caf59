package dev.tributary.deploy.s3;

import java.util.List;

import dev.tributary.deploy.lambda.FunctionUrlPermissionStep;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;

import org.springframework.util.Assert;

/**
 * The statement of a function's resource policy that lets exactly one bucket invoke it: principal
 * {@code s3.amazonaws.com}, {@code lambda:InvokeFunction}, on the condition that the source is that
 * bucket ({@code SourceArn}) in this account ({@code SourceAccount}). Found by its statement id;
 * it goes with the function when the function is deleted.
 *
 * @author Tributary
 */
public final class S3InvokePermissionStep implements ResourceStep {

	static final String TYPE = "s3-permission";

	private final String processor;

	private final String bucket;

	/**
	 * Create the step.
	 * @param processor the processor's name
	 * @param bucket the name of the bucket that invokes its function
	 */
	public S3InvokePermissionStep(String processor, String bucket) {
		Assert.hasText(processor, "'processor' must not be empty");
		Assert.hasText(bucket, "'bucket' must not be empty");
		this.processor = processor;
		this.bucket = bucket;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String function = context.names().function(this.processor);
		String name = function + " s3 invoke";
		if (FunctionUrlPermissionStep.statementIds(context.clients().lambda(), function).contains(statementId())) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		return new StepPlan(ResourceChange.of(TYPE, name, Action.CREATE,
				List.of(FieldChange.set("Statement", "lambda:InvokeFunction for s3.amazonaws.com from arn:aws:s3:::"
						+ this.bucket + " in " + context.accountId()))),
				() -> context.retrier().run("AddPermission " + statementId(), () -> context.clients()
					.lambda()
					.addPermission((request) -> request.functionName(function)
						.statementId(statementId())
						.action("lambda:InvokeFunction")
						.principal("s3.amazonaws.com")
						.sourceArn("arn:aws:s3:::" + this.bucket)
						.sourceAccount(context.accountId()))));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		return StepPlan.unchanged(new ResourceChange(TYPE, context.names().function(this.processor) + " s3 invoke",
				Action.UNCHANGED, List.of(), "removed with the function"));
	}

	private String statementId() {
		return "tributary-s3-" + this.bucket.replaceAll("[^A-Za-z0-9_-]", "-");
	}

}
