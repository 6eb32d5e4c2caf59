package dev.tributary.deploy.sqs;

import java.util.List;
import java.util.Optional;

import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ForeignMappings;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.util.Assert;

/**
 * An on-failure queue given by name: the stage's own queue {@code <app>-<stage>-<name>},
 * resolved to its ARN ({@code GetQueueUrl}, then the {@code QueueArn} attribute) for the role's
 * policy and the mapping, and created when absent. A queue deploy created carries its tags and
 * is deleted by destroy, unless a mapping of another stage or app sends failures to it; a queue
 * it found is used and never changed or deleted. A queue shared on purpose is given by ARN and
 * never reaches this step.
 *
 * @author Tributary
 */
public final class QueueStep implements ResourceStep {

	static final String TYPE = "queue";

	private final String name;

	/**
	 * Create the step.
	 * @param name the queue name (not an ARN)
	 */
	public QueueStep(String name) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.isTrue(!DeployContext.isArn(name), "'name' must be a queue name, not an ARN");
		this.name = name;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		SqsClient sqs = context.clients().sqs();
		String physical = context.names().queue(this.name);
		Optional<String> url = SqsQueues.url(sqs, physical);
		if (url.isEmpty()) {
			return new StepPlan(ResourceChange.of(TYPE, physical, Action.CREATE,
					List.of(FieldChange.set("QueueArn", context.queueArn(this.name)))), () -> {
						String created = context.retrier()
							.call("CreateQueue " + physical, () -> sqs.createQueue((request) -> request.queueName(physical)
								.tags(context.tags().forResource("queue/" + this.name))))
							.queueUrl();
						context.queueArn(this.name, SqsQueues.arn(sqs, created));
					});
		}
		context.queueArn(this.name, SqsQueues.arn(sqs, url.get()));
		if (!context.tags().isManaged(SqsQueues.tags(sqs, url.get()))) {
			return StepPlan.unchanged(new ResourceChange(TYPE, physical, Action.UNCHANGED, List.of(),
					"used as it is: it was not created by Tributary for this app and stage, so deploy never "
							+ "changes or deletes it"));
		}
		return StepPlan.unchanged(ResourceChange.unchanged(TYPE, physical));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		SqsClient sqs = context.clients().sqs();
		String physical = context.names().queue(this.name);
		Optional<String> url = SqsQueues.url(sqs, physical);
		if (url.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, physical));
		}
		if (!context.tags().isManaged(SqsQueues.tags(sqs, url.get()))) {
			return StepPlan.unchanged(new ResourceChange(TYPE, physical, Action.UNCHANGED, List.of(),
					"kept: it was not created by Tributary for this app and stage"));
		}
		List<String> users = ForeignMappings.sendingFailuresTo(context, SqsQueues.arn(sqs, url.get()));
		if (!users.isEmpty()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, physical, Action.UNCHANGED, List.of(),
					"kept: other stages or apps send failed records to it: " + String.join(", ", users)
							+ "; destroy it after them, or point them at their own queue"));
		}
		return new StepPlan(new ResourceChange(TYPE, physical, Action.DELETE, List.of(),
				"records still in the queue (batches that failed) are deleted with it"),
				() -> context.retrier()
					.run("DeleteQueue " + physical, () -> sqs.deleteQueue((request) -> request.queueUrl(url.get()))));
	}

}
