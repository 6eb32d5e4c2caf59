package dev.tributary.deploy.lambda;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tributary.HttpApiDefinition;
import dev.tributary.HttpApiDefinition.AuthType;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * What a public URL needs in the API function's resource policy: for auth type {@code NONE}, both
 * {@code lambda:InvokeFunctionUrl} (with {@code FunctionUrlAuthType} {@code NONE}) and
 * {@code lambda:InvokeFunction} (only via the function URL) for principal {@code *}, which AWS
 * requires for URLs created since October 2025. With {@code AWS_IAM} neither statement is
 * there: callers need IAM permission of their own. The statements are found by their ids.
 *
 * @author Tributary
 */
public final class FunctionUrlPermissionStep implements ResourceStep {

	static final String TYPE = "url-permission";

	/** Statement id of the public {@code lambda:InvokeFunctionUrl} permission. */
	static final String INVOKE_URL_SID = "tributary-public-url";

	/** Statement id of the public {@code lambda:InvokeFunction} permission (via the URL only). */
	static final String INVOKE_FUNCTION_SID = "tributary-public-url-invoke";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpApiDefinition api;

	/**
	 * Create the step.
	 * @param api the API's declaration
	 */
	public FunctionUrlPermissionStep(HttpApiDefinition api) {
		Assert.notNull(api, "'api' must not be null");
		this.api = api;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String function = context.names().function(ApiFunction.ID);
		LambdaClient lambda = context.clients().lambda();
		Set<String> present = statementIds(lambda, function);
		boolean wanted = this.api.authType() == AuthType.NONE;
		List<String> toAdd = new ArrayList<>();
		List<String> toRemove = new ArrayList<>();
		for (String sid : List.of(INVOKE_URL_SID, INVOKE_FUNCTION_SID)) {
			if (wanted && !present.contains(sid)) {
				toAdd.add(sid);
			}
			if (!wanted && present.contains(sid)) {
				toRemove.add(sid);
			}
		}
		String name = function + " public invoke";
		if (toAdd.isEmpty() && toRemove.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		List<FieldChange> changes = new ArrayList<>();
		toAdd.forEach((sid) -> changes.add(FieldChange.set("Statement", describe(sid))));
		toRemove.forEach((sid) -> changes.add(new FieldChange("Statement", describe(sid), "(none)")));
		Action action = toAdd.isEmpty() ? Action.DELETE : (toRemove.isEmpty() && present.isEmpty()) ? Action.CREATE
				: Action.UPDATE;
		return new StepPlan(ResourceChange.of(TYPE, name, action, changes), () -> {
			toAdd.forEach((sid) -> add(context, function, sid));
			toRemove.forEach((sid) -> remove(context, function, sid));
		});
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String function = context.names().function(ApiFunction.ID);
		LambdaClient lambda = context.clients().lambda();
		Set<String> present = statementIds(lambda, function);
		present.retainAll(List.of(INVOKE_URL_SID, INVOKE_FUNCTION_SID));
		String name = function + " public invoke";
		if (present.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		return new StepPlan(ResourceChange.of(TYPE, name, Action.DELETE, List.of()),
				() -> present.forEach((sid) -> remove(context, function, sid)));
	}

	private static String describe(String sid) {
		return INVOKE_URL_SID.equals(sid) ? "lambda:InvokeFunctionUrl for * (FunctionUrlAuthType NONE)"
				: "lambda:InvokeFunction for * (only via the function URL)";
	}

	private static void add(DeployContext context, String function, String sid) {
		LambdaClient lambda = context.clients().lambda();
		context.retrier().run("AddPermission " + sid, () -> {
			if (INVOKE_URL_SID.equals(sid)) {
				lambda.addPermission((request) -> request.functionName(function)
					.statementId(sid)
					.action("lambda:InvokeFunctionUrl")
					.principal("*")
					.functionUrlAuthType(FunctionUrlAuthType.NONE));
			}
			else {
				lambda.addPermission((request) -> request.functionName(function)
					.statementId(sid)
					.action("lambda:InvokeFunction")
					.principal("*")
					.invokedViaFunctionUrl(true));
			}
		});
	}

	private static void remove(DeployContext context, String function, String sid) {
		context.retrier()
			.run("RemovePermission " + sid, () -> context.clients()
				.lambda()
				.removePermission((request) -> request.functionName(function).statementId(sid)));
	}

	/**
	 * The statement ids of the function's resource policy; none when the function or its policy
	 * does not exist yet.
	 * @param lambda the Lambda client
	 * @param function the function's name
	 * @return the statement ids
	 */
	public static Set<String> statementIds(LambdaClient lambda, String function) {
		String policy;
		try {
			policy = lambda.getPolicy((request) -> request.functionName(function)).policy();
		}
		catch (ResourceNotFoundException ex) {
			return new LinkedHashSet<>();
		}
		Set<String> ids = new LinkedHashSet<>();
		if (policy == null) {
			return ids;
		}
		for (JsonNode statement : json.readTree(policy).path("Statement").values()) {
			JsonNode sid = statement.get("Sid");
			if (sid != null && sid.isString()) {
				ids.add(sid.stringValue());
			}
		}
		return ids;
	}

}
