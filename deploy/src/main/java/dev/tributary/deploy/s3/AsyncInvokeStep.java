package dev.tributary.deploy.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.DeployedProcessor;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import org.springframework.util.Assert;

/**
 * The asynchronous invoke configuration of a function S3 invokes directly: Lambda retries a
 * failed event twice, and then sends it, with the error, to the processor's on-failure queue
 * ({@link DeployedProcessor#directFailureQueue(String)}), so no event is dropped after its
 * retries. Goes with the function when the function is deleted.
 *
 * @author Tributary
 */
public final class AsyncInvokeStep implements ResourceStep {

	static final String TYPE = "async-invoke";

	/** Lambda's most retries of an asynchronous invocation. */
	static final int RETRIES = 2;

	private final String processor;

	/**
	 * Create the step.
	 * @param processor the processor's name
	 */
	public AsyncInvokeStep(String processor) {
		Assert.hasText(processor, "'processor' must not be empty");
		this.processor = processor;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String function = context.names().function(this.processor);
		String destination = context.queueArn(DeployedProcessor.directFailureQueue(this.processor));
		FunctionEventInvokeConfig current = current(context, function);
		Integer retries = (current != null) ? current.maximumRetryAttempts() : null;
		String onFailure = (current != null && current.destinationConfig() != null
				&& current.destinationConfig().onFailure() != null)
						? current.destinationConfig().onFailure().destination() : null;
		if (Objects.equals(retries, RETRIES) && destination.equals(onFailure)) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, function));
		}
		List<FieldChange> changes = new ArrayList<>();
		if (!Objects.equals(retries, RETRIES)) {
			changes.add(new FieldChange("MaximumRetryAttempts", (retries != null) ? retries.toString() : null,
					String.valueOf(RETRIES)));
		}
		if (!destination.equals(onFailure)) {
			changes.add(new FieldChange("OnFailure", onFailure, destination));
		}
		Action action = (current != null) ? Action.UPDATE : Action.CREATE;
		return new StepPlan(ResourceChange.of(TYPE, function, action, changes),
				() -> context.retrier()
					.run("PutFunctionEventInvokeConfig " + function, () -> context.clients()
						.lambda()
						.putFunctionEventInvokeConfig((request) -> request.functionName(function)
							.maximumRetryAttempts(RETRIES)
							.destinationConfig((config) -> config
								.onFailure((failure) -> failure.destination(destination))))));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		return StepPlan.unchanged(new ResourceChange(TYPE, context.names().function(this.processor), Action.UNCHANGED,
				List.of(), "removed with the function"));
	}

	private static @Nullable FunctionEventInvokeConfig current(DeployContext context, String function) {
		try {
			GetFunctionEventInvokeConfigResponse response = context.clients()
				.lambda()
				.getFunctionEventInvokeConfig((request) -> request.functionName(function));
			return FunctionEventInvokeConfig.builder()
				.maximumRetryAttempts(response.maximumRetryAttempts())
				.destinationConfig(response.destinationConfig())
				.build();
		}
		catch (ResourceNotFoundException ex) {
			return null;
		}
	}

}
