package dev.tributary.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tributary.HttpApiDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.iam.ApiRoleStep;
import dev.tributary.deploy.lambda.ApiFunction;
import dev.tributary.deploy.lambda.FunctionStep;
import dev.tributary.deploy.lambda.FunctionUrlPermissionStep;
import dev.tributary.deploy.lambda.FunctionUrlStep;
import dev.tributary.deploy.logs.LogGroupStep;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.DeployedProcessor;
import dev.tributary.deploy.resource.ManagedTags;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The resources of the application's HTTP API (docs/http-api.md) in dependency order: role, log
 * group, function, URL, then the URL's public permissions; destroy walks them the other way
 * round.
 *
 * @author Tributary
 */
final class ApiSteps {

	private ApiSteps() {
	}

	static List<ResourceStep> forDeploy(HttpApiDefinition api, StreamProcessorRegistry registry,
			DeployContext context) {
		requireNoProcessorNamedLikeTheApi(registry, context);
		return List.of(new ApiRoleStep(api), new LogGroupStep(ApiFunction.ID, ApiFunction.LOG_GROUP_RESOURCE),
				FunctionStep.forApi(ApiRoleStep.roleName(context)), new FunctionUrlStep(api),
				new FunctionUrlPermissionStep(api));
	}

	static List<ResourceStep> forDestroy(HttpApiDefinition api, DeployContext context) {
		return List.of(new FunctionUrlPermissionStep(api), new FunctionUrlStep(api),
				FunctionStep.forApi(ApiRoleStep.roleName(context)), new ApiRoleStep(api),
				new LogGroupStep(ApiFunction.ID, ApiFunction.LOG_GROUP_RESOURCE));
	}

	/**
	 * The resources of an HTTP API this app and stage deployed before but no longer has (its
	 * controllers, or the serverless web support, are gone, or {@code tributary.api.enabled=false}),
	 * found by the tags of its function or role: deleted, as a removed processor's are.
	 */
	static List<ResourceStep> forRemoved(DeployContext context) {
		if (!deployedBefore(context)) {
			return List.of();
		}
		HttpApiDefinition gone = new HttpApiDefinition(false, HttpApiDefinition.AuthType.AWS_IAM, null, List.of());
		List<ResourceStep> steps = new ArrayList<>();
		forDestroy(gone, context).forEach((step) -> steps.add(new RemovedApiStep(step)));
		return steps;
	}

	private static boolean deployedBefore(DeployContext context) {
		String function = context.names().function(ApiFunction.ID);
		try {
			String arn = context.clients().lambda().getFunction((request) -> request.functionName(function))
				.configuration()
				.functionArn();
			Map<String, String> tags = context.clients().lambda().listTags((request) -> request.resource(arn)).tags();
			if (isApi(context, tags, ApiFunction.FUNCTION_RESOURCE)) {
				return true;
			}
		}
		catch (ResourceNotFoundException ex) {
			// No function: the role may still be there from an interrupted removal.
		}
		String role = ApiRoleStep.roleName(context);
		try {
			Map<String, String> tags = context.clients()
				.iam()
				.listRoleTags((request) -> request.roleName(role))
				.tags()
				.stream()
				.collect(Collectors.toMap(Tag::key, Tag::value, (first, second) -> first));
			return isApi(context, tags, ApiFunction.ROLE_RESOURCE);
		}
		catch (NoSuchEntityException ex) {
			return false;
		}
	}

	private static boolean isApi(DeployContext context, Map<String, String> tags, String resource) {
		return context.tags().isManaged(tags) && resource.equals(tags.get(ManagedTags.RESOURCE));
	}

	private static void requireNoProcessorNamedLikeTheApi(StreamProcessorRegistry registry, DeployContext context) {
		String apiFunction = context.names().function(ApiFunction.ID);
		for (DeployedProcessor processor : DeploySteps.processors(registry)) {
			if (context.names().function(processor.name()).equals(apiFunction)) {
				throw new DeployException("Processor '" + processor.name() + "' would get the function name "
						+ apiFunction + ", which is the HTTP API's: rename the processor's bean, or set "
						+ "tributary.api.enabled=false");
			}
		}
	}

	/**
	 * A resource of an HTTP API that is no longer in the code: deploy deletes it, and the plan
	 * says why.
	 */
	private static final class RemovedApiStep implements ResourceStep {

		private final ResourceStep step;

		RemovedApiStep(ResourceStep step) {
			this.step = step;
		}

		@Override
		public StepPlan plan(DeployContext context) {
			StepPlan plan = this.step.planDestroy(context);
			ResourceChange change = plan.change();
			if (!change.action().mutates()) {
				return plan;
			}
			return new StepPlan(new ResourceChange(change.type(), change.name(), change.action(), change.changes(),
					"the HTTP API is no longer in the code (no controllers, no serverless web support, or "
							+ "tributary.api.enabled=false)"),
					plan.apply());
		}

		@Override
		public StepPlan planDestroy(DeployContext context) {
			return plan(context);
		}

	}

}
