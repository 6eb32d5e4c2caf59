package dev.tributary.deploy.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.DeployedProcessor;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import org.springframework.util.Assert;

/**
 * A processor's execution role: trust for Lambda and the {@link PolicyDocuments inline policy}
 * scoped to its source (a table's stream, a Kinesis data stream or an SQS queue), its log group
 * and its on-failure destination.
 *
 * @author Tributary
 */
public final class RoleStep implements ResourceStep {

	static final String TYPE = "role";

	private final DeployedProcessor processor;

	/**
	 * Create the step.
	 * @param processor the processor, of any source
	 */
	public RoleStep(DeployedProcessor processor) {
		Assert.notNull(processor, "'processor' must not be null");
		this.processor = processor;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String name = roleName(context);
		IamClient iam = context.clients().iam();
		Optional<Role> role = IamRoles.find(iam, name);
		Optional<String> policy = desiredPolicy(context);
		String trust = PolicyDocuments.trustPolicy();
		if (role.isEmpty()) {
			return new StepPlan(ResourceChange.of(TYPE, name, Action.CREATE,
					List.of(FieldChange.set("AssumeRolePolicy", "lambda.amazonaws.com"),
							FieldChange.set("Policy", policy.map((p) -> summary()).orElse(FieldChange.KNOWN_AFTER_APPLY)))),
					() -> {
						createRole(context, name, trust);
						IamRoles.putPolicy(context, name, ResourceNames.POLICY_NAME, policy.orElseThrow());
					});
		}
		context.tags().requireManaged(TYPE, name, IamRoles.tags(iam, name));
		boolean trustChanged = !PolicyDocuments.same(role.get().assumeRolePolicyDocument(), trust);
		String current = IamRoles.policy(iam, name, ResourceNames.POLICY_NAME);
		boolean policyChanged = policy.isEmpty() || !PolicyDocuments.same(current, policy.get());
		List<FieldChange> changes = new ArrayList<>();
		if (trustChanged) {
			changes.add(new FieldChange("AssumeRolePolicy", "(other)", "lambda.amazonaws.com"));
		}
		if (policyChanged) {
			changes.add(new FieldChange("Policy", (current != null) ? "(other)" : "(none)",
					policy.map((p) -> summary()).orElse(FieldChange.KNOWN_AFTER_APPLY)));
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
				IamRoles.putPolicy(context, name, ResourceNames.POLICY_NAME, policy.orElseThrow());
			}
		});
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		return planRemoval(context, this.processor.name());
	}

	/**
	 * Plan the removal of a processor's role, also of a processor no longer in the code.
	 * @param context the run's context
	 * @param processor the processor's name
	 * @return the deletion, or unchanged when absent
	 */
	public static StepPlan planRemoval(DeployContext context, String processor) {
		String name = context.names().role(processor, context.region());
		return IamRoles.planDelete(context, TYPE, name);
	}

	/**
	 * Name of this processor's role.
	 * @param context the run's context
	 * @return the role name
	 */
	public String roleName(DeployContext context) {
		return context.names().role(this.processor.name(), context.region());
	}

	private Optional<String> desiredPolicy(DeployContext context) {
		@Nullable String queueArn = this.processor.options().onFailureDestination().map(context::queueArn).orElse(null);
		String logGroupArn = context.logGroupArn(context.names().logGroup(this.processor.name()));
		List<String> targetArns = this.processor.options()
			.sendsTo()
			.stream()
			.map((queue) -> queue.isExisting() ? queue.arn()
					: context.sourceQueueArn(queue.id()).orElseGet(() -> context.arn("sqs", queue.name())))
			.toList();
		return this.processor.streamArn(context)
			.map((streamArn) -> PolicyDocuments.processorPolicy(this.processor.source(), streamArn, logGroupArn,
					queueArn, targetArns, this.processor.readableObjects()));
	}

	private String summary() {
		int targets = this.processor.options().sendsTo().size();
		String sends = (targets == 0) ? "" : ", sends to " + targets + ((targets == 1) ? " queue" : " queues");
		if (!this.processor.isMapped()) {
			return "own log group, on-failure queue"
					+ ((this.processor.readableObjects() != null) ? ", reads " + this.processor.readableObjects() : "");
		}
		if (this.processor.readsQueue()) {
			return "queue read, own log group" + sends
					+ ((this.processor.readableObjects() != null) ? ", reads " + this.processor.readableObjects() : "");
		}
		return "stream read, ListStreams, own log group"
				+ (this.processor.options().onFailureDestination().isPresent() ? ", on-failure destination" : "")
				+ sends;
	}

	private void createRole(DeployContext context, String name, String trust) {
		List<Tag> tags = context.tags()
			.forResource("role/" + this.processor.name())
			.entrySet()
			.stream()
			.map((tag) -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
			.toList();
		context.retrier()
			.run("CreateRole " + name, () -> context.clients()
				.iam()
				.createRole((request) -> request.roleName(name)
					.assumeRolePolicyDocument(trust)
					.description("Tributary stream processor " + this.processor.name())
					.tags(tags)));
	}

}
