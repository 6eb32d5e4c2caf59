package dev.tributary.deploy;

import java.util.List;

import dev.tributary.HttpApiDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.iam.ApiRoleStep;
import dev.tributary.deploy.lambda.ApiFunction;
import dev.tributary.deploy.lambda.FunctionStep;
import dev.tributary.deploy.lambda.FunctionUrlPermissionStep;
import dev.tributary.deploy.lambda.FunctionUrlStep;
import dev.tributary.deploy.logs.LogGroupStep;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.DeployedProcessor;
import dev.tributary.deploy.resource.ResourceStep;

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

}
