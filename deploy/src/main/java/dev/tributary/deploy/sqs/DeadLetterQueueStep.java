package dev.tributary.deploy.sqs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import org.springframework.util.Assert;

/**
 * The dead-letter queue of one or more queues SQS processors read
 * ({@code tributary.queues.<id>.dead-letter.queue}): created when absent (FIFO when its queues
 * are) before them, since a redrive policy names an existing queue. Deploy sets none of its
 * other attributes. One found without this app's and stage's tags is used as it is. Destroy
 * deletes it, with {@code destroy-queues=true}, only when this app and stage created it and no
 * queue but the ones this destroy deletes still moves messages to it.
 *
 * @author Tributary
 */
public final class DeadLetterQueueStep implements ResourceStep {

	static final String TYPE = "dead-letter-queue";

	private final String name;

	private final boolean fifo;

	/**
	 * Create the step.
	 * @param name the dead-letter queue's physical name
	 * @param fifo whether it is a FIFO queue (exactly when its queues are)
	 */
	public DeadLetterQueueStep(String name, boolean fifo) {
		Assert.hasText(name, "'name' must not be empty");
		this.name = name;
		this.fifo = fifo;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		SqsClient sqs = context.clients().sqs();
		Optional<String> url = SqsQueues.url(sqs, this.name);
		if (url.isEmpty()) {
			List<FieldChange> fields = this.fifo ? List.of(FieldChange.set(QueueSettings.FIFO_QUEUE, "true"))
					: List.of();
			return new StepPlan(ResourceChange.of(TYPE, this.name, Action.CREATE, fields), () -> create(context));
		}
		if (!context.tags().isManaged(SqsQueues.tags(sqs, url.get()))) {
			return StepPlan.unchanged(new ResourceChange(TYPE, this.name, Action.UNCHANGED, List.of(),
					"used as it is: it was not created by Tributary for this app and stage, so deploy never "
							+ "changes or deletes it"));
		}
		return StepPlan.unchanged(ResourceChange.unchanged(TYPE, this.name));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		SqsClient sqs = context.clients().sqs();
		Optional<String> url = SqsQueues.url(sqs, this.name);
		if (url.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, this.name));
		}
		if (!context.options().destroyQueues()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, this.name, Action.UNCHANGED, List.of(),
					"kept with its messages (set tributary.deploy.destroy-queues=true to delete it)"));
		}
		if (!context.tags().isManaged(SqsQueues.tags(sqs, url.get()))) {
			return StepPlan.unchanged(new ResourceChange(TYPE, this.name, Action.UNCHANGED, List.of(),
					"kept: it was not created by Tributary for this app and stage"));
		}
		// Queues this app and stage created are deleted by this destroy before their dead-letter queue.
		List<String> others = SqsQueues.deadLetterSources(sqs, url.get())
			.stream()
			.filter((source) -> isForeign(context, sqs, source))
			.map(SqsQueues::nameOfUrl)
			.toList();
		if (!others.isEmpty()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, this.name, Action.UNCHANGED, List.of(),
					"kept: other queues move failed messages to it: " + others
							+ "; destroy it after them, or point their redrive policy elsewhere"));
		}
		return new StepPlan(new ResourceChange(TYPE, this.name, Action.DELETE, List.of(),
				"the failed messages in it are deleted with it"),
				() -> context.retrier()
					.run("DeleteQueue " + this.name, () -> sqs.deleteQueue((request) -> request.queueUrl(url.get()))));
	}

	private void create(DeployContext context) {
		SqsClient sqs = context.clients().sqs();
		Map<String, String> attributes = this.fifo ? Map.of(QueueSettings.FIFO_QUEUE, "true") : Map.of();
		context.retrier()
			.run("CreateQueue " + this.name, () -> sqs.createQueue((request) -> request.queueName(this.name)
				.attributesWithStrings(attributes)
				.tags(context.tags().forResource("dead-letter-queue/" + this.name))));
	}

	private static boolean isForeign(DeployContext context, SqsClient sqs, String url) {
		try {
			return !context.tags().isManaged(SqsQueues.tags(sqs, url));
		}
		catch (QueueDoesNotExistException ex) {
			// Deleted since it was listed: it moves nothing any more.
			return false;
		}
	}

}
