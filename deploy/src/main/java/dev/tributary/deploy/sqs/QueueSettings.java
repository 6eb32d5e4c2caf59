package dev.tributary.deploy.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tributary.SqsQueueDescriptor;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.resource.DeployContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * The attributes deploy sets on a queue an SQS processor reads: {@code FifoQueue} (only when
 * creating: SQS fixes it, and the {@code .fifo} name with it), {@code VisibilityTimeout} and the
 * {@code RedrivePolicy} to its dead-letter queue. Every other attribute (retention, delay,
 * encryption, policy) is left as it is.
 *
 * @param fifo whether the queue is a FIFO queue
 * @param visibilityTimeout the visibility timeout
 * @param deadLetterTargetArn the dead-letter queue's ARN, or {@code null} for none
 * @param maxReceiveCount receives before a message moves to the dead-letter queue
 * @author Tributary
 */
record QueueSettings(boolean fifo, Duration visibilityTimeout, @Nullable String deadLetterTargetArn,
		int maxReceiveCount) {

	static final String FIFO_QUEUE = "FifoQueue";

	static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";

	static final String REDRIVE_POLICY = "RedrivePolicy";

	private static final String NONE = "(none)";

	private static final JsonMapper json = JsonMapper.builder().build();

	QueueSettings {
		Assert.notNull(visibilityTimeout, "'visibilityTimeout' must not be null");
	}

	/**
	 * What a queue's declaration asks for; the dead-letter queue's ARN follows from its name,
	 * in this account and region.
	 */
	static QueueSettings desired(SqsQueueDescriptor queue, DeployContext context) {
		String deadLetterQueue = queue.deadLetterQueue();
		return new QueueSettings(queue.fifo(), queue.visibilityTimeout(),
				(deadLetterQueue != null) ? context.arn("sqs", deadLetterQueue) : null, queue.maxReceiveCount());
	}

	/**
	 * The attributes {@code CreateQueue} sets.
	 */
	Map<String, String> forCreate() {
		Map<String, String> attributes = new LinkedHashMap<>();
		if (this.fifo) {
			attributes.put(FIFO_QUEUE, "true");
		}
		attributes.putAll(forUpdate());
		return attributes;
	}

	/**
	 * The plan's fields of a queue to create.
	 */
	List<FieldChange> createFields() {
		List<FieldChange> fields = new ArrayList<>();
		forCreate().forEach((name, value) -> fields.add(FieldChange.set(name, value)));
		return fields;
	}

	/**
	 * How the queue's current attributes differ from these: the visibility timeout and the
	 * redrive policy, compared as values (SQS returns the policy as JSON, its count as a number
	 * or a string).
	 */
	List<FieldChange> changes(Map<String, String> current) {
		List<FieldChange> changes = new ArrayList<>();
		String visibility = String.valueOf(this.visibilityTimeout.toSeconds());
		if (!visibility.equals(current.get(VISIBILITY_TIMEOUT))) {
			changes.add(new FieldChange(VISIBILITY_TIMEOUT, current.get(VISIBILITY_TIMEOUT), visibility));
		}
		String redrive = redrivePolicy();
		String currentRedrive = normalized(current.get(REDRIVE_POLICY));
		if (!Objects.equals(redrive, currentRedrive)) {
			changes.add(new FieldChange(REDRIVE_POLICY, currentRedrive, redrive));
		}
		return changes;
	}

	/**
	 * The attributes {@code SetQueueAttributes} sets: an empty redrive policy removes one.
	 */
	Map<String, String> forUpdate() {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put(VISIBILITY_TIMEOUT, String.valueOf(this.visibilityTimeout.toSeconds()));
		if (this.deadLetterTargetArn != null) {
			attributes.put(REDRIVE_POLICY, redrivePolicy());
		}
		return attributes;
	}

	/**
	 * The attributes to set so that a queue with {@code current} attributes gets these.
	 */
	Map<String, String> updates(Map<String, String> current) {
		Map<String, String> updates = new LinkedHashMap<>();
		for (FieldChange change : changes(current)) {
			String to = change.to();
			updates.put(change.field(), (to == null || NONE.equals(to)) ? "" : to);
		}
		return updates;
	}

	private String redrivePolicy() {
		if (this.deadLetterTargetArn == null) {
			return NONE;
		}
		ObjectNode policy = json.createObjectNode();
		policy.put("deadLetterTargetArn", this.deadLetterTargetArn);
		policy.put("maxReceiveCount", this.maxReceiveCount);
		return json.writeValueAsString(policy);
	}

	/**
	 * A redrive policy as deploy writes one, whatever form SQS returned it in.
	 */
	static String normalized(@Nullable String redrivePolicy) {
		if (redrivePolicy == null || redrivePolicy.isBlank()) {
			return NONE;
		}
		JsonNode policy = json.readTree(redrivePolicy);
		JsonNode target = policy.get("deadLetterTargetArn");
		JsonNode count = policy.get("maxReceiveCount");
		if (target == null || count == null) {
			return redrivePolicy;
		}
		ObjectNode normalized = json.createObjectNode();
		normalized.put("deadLetterTargetArn", target.asString());
		normalized.put("maxReceiveCount", count.isNumber() ? count.intValue() : Integer.parseInt(count.asString()));
		return json.writeValueAsString(normalized);
	}

}
