package dev.tributary.deploy.iam;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.StepPlan;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The IAM calls on one role that the processors' and the HTTP API's role steps share: read it,
 * its tags and an inline policy, write the policy, and delete it (with every inline policy) when
 * this app and stage own it.
 *
 * @author Tributary
 */
final class IamRoles {

	private IamRoles() {
	}

	static Optional<Role> find(IamClient iam, String name) {
		try {
			return Optional.of(iam.getRole((request) -> request.roleName(name)).role());
		}
		catch (NoSuchEntityException ex) {
			return Optional.empty();
		}
	}

	static Map<String, String> tags(IamClient iam, String name) {
		return iam.listRoleTags((request) -> request.roleName(name))
			.tags()
			.stream()
			.collect(Collectors.toMap(Tag::key, Tag::value, (first, second) -> first));
	}

	static @Nullable String policy(IamClient iam, String name, String policyName) {
		try {
			return iam.getRolePolicy((request) -> request.roleName(name).policyName(policyName)).policyDocument();
		}
		catch (NoSuchEntityException ex) {
			return null;
		}
	}

	static void putPolicy(DeployContext context, String name, String policyName, String document) {
		context.retrier()
			.run("PutRolePolicy " + name, () -> context.clients()
				.iam()
				.putRolePolicy((request) -> request.roleName(name).policyName(policyName).policyDocument(document)));
	}

	/**
	 * Plan deleting a role of this app and stage with its inline policies; unchanged when absent.
	 * @throws dev.tributary.deploy.DeployException if the role belongs to another app or stage
	 */
	static StepPlan planDelete(DeployContext context, String type, String name) {
		IamClient iam = context.clients().iam();
		if (find(iam, name).isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(type, name));
		}
		context.tags().requireManaged(type, name, tags(iam, name));
		return new StepPlan(ResourceChange.of(type, name, Action.DELETE, List.of()), () -> {
			iam.listRolePolicies((request) -> request.roleName(name))
				.policyNames()
				.forEach((policy) -> context.retrier()
					.run("DeleteRolePolicy " + policy,
							() -> iam.deleteRolePolicy((request) -> request.roleName(name).policyName(policy))));
			context.retrier().run("DeleteRole " + name, () -> iam.deleteRole((request) -> request.roleName(name)));
		});
	}

}
