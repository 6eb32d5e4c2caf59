package dev.tributary.deploy.sqs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tributary.SqsQueueDescriptor;
import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ForeignMappings;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.util.Assert;

/**
 * A queue SQS processors read. A queue the application declares is created when absent (FIFO,
 * visibility timeout, redrive policy to its dead-letter queue; tagged with the owner tags) and
 * its visibility timeout and redrive policy updated when they differ, but only when this app and
 * stage created it: a queue of the same name found without its tags is read as it is and never
 * changed or deleted. A queue named by its ARN is only checked to exist. Either way the
 * function's timeout is checked against the visibility timeout the queue has or will have.
 *
 * @author Tributary
 */
public final class SourceQueueStep implements ResourceStep {

	static final String TYPE = "queue";

	private final SqsQueueDescriptor queue;

	private final List<String> processors;

	/**
	 * Create the step.
	 * @param queue the queue
	 * @param processors the names of the processors reading it, for messages
	 */
	public SourceQueueStep(SqsQueueDescriptor queue, List<String> processors) {
		Assert.notNull(queue, "'queue' must not be null");
		Assert.notNull(processors, "'processors' must not be null");
		this.queue = queue;
		this.processors = List.copyOf(processors);
	}

	@Override
	public StepPlan plan(DeployContext context) {
		if (this.queue.isExisting()) {
			return planExisting(context);
		}
		String name = this.queue.name();
		SqsClient sqs = context.clients().sqs();
		QueueSettings desired = QueueSettings.desired(this.queue, context);
		Optional<String> url = SqsQueues.url(sqs, name);
		if (url.isEmpty()) {
			// SQS ARNs follow from the name, so the role's policy is exact in the plan already.
			context.sourceQueueArn(this.queue.id(), context.arn("sqs", name));
			String warning = checkDeclared(context).orElse(null);
			return new StepPlan(new ResourceChange(TYPE, name, Action.CREATE, desired.createFields(), warning),
					() -> create(context, desired));
		}
		Map<String, String> attributes = SqsQueues.attributes(sqs, url.get());
		context.sourceQueueArn(this.queue.id(), attributes.get("QueueArn"));
		List<FieldChange> changes = desired.changes(attributes);
		if (!context.tags().isManaged(SqsQueues.tags(sqs, url.get()))) {
			String warning = checkFound(context, attributes).orElse(null);
			if (changes.isEmpty()) {
				return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(), warning));
			}
			return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(),
					join("used as it is, not changed: it was not created by Tributary for this app and stage, and it "
							+ "differs from tributary.queues." + this.queue.id() + " (" + describe(changes)
							+ "); change it where it is managed, or give this stage its own queue name", warning)));
		}
		String warning = checkDeclared(context).orElse(null);
		if (changes.isEmpty()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(), warning));
		}
		Map<String, String> updates = desired.updates(attributes);
		return new StepPlan(new ResourceChange(TYPE, name, Action.UPDATE, changes, warning),
				() -> context.retrier()
					.run("SetQueueAttributes " + name,
							() -> sqs.setQueueAttributes(
									(request) -> request.queueUrl(url.get()).attributesWithStrings(updates))));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String name = this.queue.name();
		if (this.queue.isExisting()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(),
					"kept: an existing queue named by its ARN is never deleted"));
		}
		SqsClient sqs = context.clients().sqs();
		Optional<String> url = SqsQueues.url(sqs, name);
		if (url.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		if (!context.options().destroyQueues()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(),
					"kept with its messages (set tributary.deploy.destroy-queues=true to delete it)"));
		}
		if (!context.tags().isManaged(SqsQueues.tags(sqs, url.get()))) {
			return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(),
					"kept: it was not created by Tributary for this app and stage"));
		}
		List<String> readers = ForeignMappings.readingQueue(context, SqsQueues.arn(sqs, url.get()));
		if (!readers.isEmpty()) {
			throw new DeployException("tributary.deploy.destroy-queues=true refuses to delete SQS queue '" + name
					+ "': other stages or apps read it: " + String.join(", ", readers)
					+ ". Nothing was destroyed. Destroy them first, or run destroy with "
					+ "tributary.deploy.destroy-queues=false to keep the queue");
		}
		return new StepPlan(new ResourceChange(TYPE, name, Action.DELETE, List.of(),
				"the queue and the messages in it are deleted"),
				() -> context.retrier()
					.run("DeleteQueue " + name, () -> sqs.deleteQueue((request) -> request.queueUrl(url.get()))));
	}

	private StepPlan planExisting(DeployContext context) {
		String arn = this.queue.arn();
		Assert.state(arn != null, "An existing queue has an ARN");
		String[] parts = arn.split(":", 6);
		String boundBy = "named by its ARN by processor(s) " + this.processors + " (@SqsQueueProcessor(queue) or "
				+ "tributary.processors.<bean>.queue)";
		if (parts.length == 6 && !parts[3].equals(context.region())) {
			throw new DeployException("SQS queue " + arn + " (" + boundBy + ") is in region " + parts[3]
					+ " but deploy deploys to " + context.region() + ": an event source mapping reads a queue of its "
					+ "own region only. Deploy to " + parts[3] + " (spring.cloud.aws.region.static), or read a "
					+ "queue of " + context.region());
		}
		SqsClient sqs = context.clients().sqs();
		Optional<String> url = (parts.length == 6) ? SqsQueues.url(sqs, parts[5], parts[4]) : Optional.empty();
		if (url.isEmpty()) {
			throw new DeployException("SQS queue " + arn + " (" + boundBy + ") does not exist in region "
					+ context.region() + ": deploy never creates a queue named by its ARN. Create it, correct the "
					+ "ARN, or declare the queue under tributary.queues.<id> by name so that deploy creates it");
		}
		context.sourceQueueArn(this.queue.id(), arn);
		String warning = checkFound(context, SqsQueues.attributes(sqs, url.get())).orElse(null);
		return StepPlan.unchanged(new ResourceChange(TYPE, this.queue.name(), Action.UNCHANGED, List.of(), warning));
	}

	private void create(DeployContext context, QueueSettings desired) {
		String name = this.queue.name();
		SqsClient sqs = context.clients().sqs();
		String url = context.retrier()
			.call("CreateQueue " + name, () -> sqs.createQueue((request) -> request.queueName(name)
				.attributesWithStrings(desired.forCreate())
				.tags(context.tags().forResource("queue/" + this.queue.id()))))
			.queueUrl();
		context.sourceQueueArn(this.queue.id(), SqsQueues.arn(sqs, url));
	}

	/**
	 * The function timeout against the visibility timeout deploy sets.
	 */
	private Optional<String> checkDeclared(DeployContext context) {
		String property = "tributary.queues." + this.queue.id() + ".visibility-timeout";
		return VisibilityTimeoutCheck.check(this.queue.name(), this.processors, this.queue.visibilityTimeout(),
				property, "Set " + property, context.options().timeout());
	}

	/**
	 * The function timeout against the visibility timeout of a queue deploy does not change.
	 */
	private Optional<String> checkFound(DeployContext context, Map<String, String> attributes) {
		@Nullable String seconds = attributes.get(QueueSettings.VISIBILITY_TIMEOUT);
		Duration visibility = (seconds != null) ? Duration.ofSeconds(Long.parseLong(seconds))
				: SqsQueueDescriptor.DEFAULT_VISIBILITY_TIMEOUT;
		return VisibilityTimeoutCheck.check(this.queue.name(), this.processors, visibility,
				"its VisibilityTimeout attribute, which deploy does not change",
				"Raise the queue's VisibilityTimeout where it is managed", context.options().timeout());
	}

	private static String join(String message, @Nullable String warning) {
		return (warning != null) ? message + "; " + warning : message;
	}

	private static String describe(List<FieldChange> changes) {
		return String.join("; ", changes.stream().map(FieldChange::toString).toList());
	}

}
