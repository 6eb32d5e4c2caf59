package dev.tributary.deploy.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tributary.HttpApiDefinition.AccessGrant;
import dev.tributary.HttpApiDefinition;
import dev.tributary.deploy.lambda.ApiFunction;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import org.springframework.util.Assert;

/**
 * The API function's execution role: trust for Lambda and the {@link ApiPolicyDocument inline
 * policy} with exactly the declared actions on exact ARNs.
 *
 * @author Tributary
 */
public final class ApiRoleStep implements ResourceStep {

	static final String TYPE = "role";

	private final HttpApiDefinition api;

	/**
	 * Create the step.
	 * @param api the API's declaration
	 */
	public ApiRoleStep(HttpApiDefinition api) {
		Assert.notNull(api, "'api' must not be null");
		this.api = api;
	}

	/**
	 * Name of the API role.
	 * @param context the run's context
	 * @return the role name
	 */
	public static String roleName(DeployContext context) {
		return context.names().role(ApiFunction.ID, context.region());
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String name = roleName(context);
		IamClient iam = context.clients().iam();
		String trust = PolicyDocuments.trustPolicy();
		String policy = ApiPolicyDocument.of(this.api,
				context.logGroupArn(context.names().logGroup(ApiFunction.ID)), context.region(), context.accountId());
		Optional<Role> role = IamRoles.find(iam, name);
		if (role.isEmpty()) {
			return new StepPlan(ResourceChange.of(TYPE, name, Action.CREATE,
					List.of(FieldChange.set("AssumeRolePolicy", "lambda.amazonaws.com"),
							FieldChange.set("Policy", summary(context)))),
					() -> {
						create(context, name, trust);
						IamRoles.putPolicy(context, name, ApiPolicyDocument.POLICY_NAME, policy);
					});
		}
		context.tags().requireManaged(TYPE, name, IamRoles.tags(iam, name));
		boolean trustChanged = !PolicyDocuments.same(role.get().assumeRolePolicyDocument(), trust);
		String current = IamRoles.policy(iam, name, ApiPolicyDocument.POLICY_NAME);
		boolean policyChanged = !PolicyDocuments.same(current, policy);
		List<FieldChange> changes = new ArrayList<>();
		if (trustChanged) {
			changes.add(new FieldChange("AssumeRolePolicy", "(other)", "lambda.amazonaws.com"));
		}
		if (policyChanged) {
			changes.add(new FieldChange("Policy", (current != null) ? "(other)" : "(none)", summary(context)));
		}
		if (changes.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		return new StepPlan(ResourceChange.of(TYPE, name, Action.UPDATE, changes), () -> {
			if (trustChanged) {
				context.retrier()
					.run("UpdateAssumeRolePolicy " + name,
							() -> iam.updateAssumeRolePolicy((request) -> request.roleName(name).policyDocument(trust)));
			}
			if (policyChanged) {
				IamRoles.putPolicy(context, name, ApiPolicyDocument.POLICY_NAME, policy);
			}
		});
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String name = roleName(context);
		return IamRoles.planDelete(context, TYPE, name);
	}

	/**
	 * What the plan shows of the policy: every grant, by actions and ARN.
	 */
	private String summary(DeployContext context) {
		List<String> parts = new ArrayList<>();
		parts.add("own log group");
		for (AccessGrant grant : this.api.access()) {
			parts.add(String.join("+", grant.iamActions()) + " on "
					+ ApiPolicyDocument.arn(grant, context.region(), context.accountId()));
		}
		return String.join(", ", parts);
	}

	private void create(DeployContext context, String name, String trust) {
		List<Tag> tags = context.tags()
			.forResource(ApiFunction.ROLE_RESOURCE)
			.entrySet()
			.stream()
			.map((tag) -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
			.toList();
		context.retrier()
			.run("CreateRole " + name, () -> context.clients()
				.iam()
				.createRole((request) -> request.roleName(name)
					.assumeRolePolicyDocument(trust)
					.description("Tributary HTTP API")
					.tags(tags)));
	}

}
