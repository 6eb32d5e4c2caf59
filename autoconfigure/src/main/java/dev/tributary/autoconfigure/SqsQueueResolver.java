package dev.tributary.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tributary.SqsQueueDescriptor;

/**
 * Resolves the SQS queues processors are bound to: an id declared under
 * {@code tributary.queues.<id>} (physical name, FIFO, visibility timeout, dead-letter queue), an
 * undeclared id (a standard queue of that name), or the ARN of an existing queue, which the
 * application reads but never creates or deletes.
 *
 * @author Tributary
 */
class SqsQueueResolver {

	private static final Pattern QUEUE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,75}(\\.fifo)?|[a-zA-Z0-9_-]{76,80}");

	private static final Pattern QUEUE_ARN = Pattern
		.compile("arn:aws[a-zA-Z-]*:sqs:[a-z0-9-]+:\\d{12}:([a-zA-Z0-9_-]{1,80}(?:\\.fifo)?)");

	private static final Duration MAX_VISIBILITY_TIMEOUT = Duration.ofHours(12);

	private final Map<String, TributaryProperties.Queue> properties;

	private final Map<String, SqsQueueDescriptor> resolved = new HashMap<>();

	SqsQueueResolver(Map<String, TributaryProperties.Queue> properties) {
		this.properties = properties;
	}

	SqsQueueDescriptor resolve(BoundValue<String> queueId) {
		return this.resolved.computeIfAbsent(queueId.value(), (id) -> describe(queueId));
	}

	private SqsQueueDescriptor describe(BoundValue<String> queueId) {
		String id = queueId.value();
		if (id.startsWith("arn:")) {
			Matcher arn = QUEUE_ARN.matcher(id);
			if (!arn.matches()) {
				throw new InvalidProcessorBindingException(queueId.source(), id,
						"It starts like an ARN but is not the ARN of an SQS queue.",
						"Use an ARN such as arn:aws:sqs:eu-west-1:123456789012:orders, or the id of a queue declared "
								+ "under " + TributaryProperties.PREFIX + ".queues.");
			}
			String name = arn.group(1);
			return new SqsQueueDescriptor(id, name, id, name.endsWith(".fifo"),
					SqsQueueDescriptor.DEFAULT_VISIBILITY_TIMEOUT, null, SqsQueueDescriptor.DEFAULT_MAX_RECEIVE_COUNT);
		}
		TributaryProperties.Queue queue = this.properties.getOrDefault(id, new TributaryProperties.Queue());
		String name = (queue.getName() != null) ? queue.getName() : (queue.isFifo() ? id + ".fifo" : id);
		String nameSource = (queue.getName() != null) ? queuePropertyName(id, "name") : queueId.source();
		new BoundValue<>(name, nameSource).require((candidate) -> QUEUE_NAME.matcher(candidate).matches(),
				"An SQS queue name has 1 to 80 characters: letters, digits, '-' and '_' (a FIFO queue's ends "
						+ "with '.fifo').");
		if (queue.isFifo() != name.endsWith(".fifo")) {
			throw new InvalidProcessorBindingException(queuePropertyName(id, "name"), name,
					queue.isFifo() ? "The name of a FIFO queue must end with '.fifo'."
							: "Only a FIFO queue's name ends with '.fifo'.",
					queue.isFifo() ? "Add '.fifo' to the name." : "Set " + queuePropertyName(id, "fifo") + " to true.");
		}
		new BoundValue<>(queue.getVisibilityTimeout(), queuePropertyName(id, "visibility-timeout")).require(
				(timeout) -> !timeout.isNegative() && timeout.compareTo(MAX_VISIBILITY_TIMEOUT) <= 0,
				"A visibility timeout is 0 to 12 hours.");
		TributaryProperties.Queue.DeadLetter deadLetter = queue.getDeadLetter();
		new BoundValue<>(deadLetter.getMaxReceiveCount(), queuePropertyName(id, "dead-letter.max-receive-count"))
			.require((count) -> count >= 1 && count <= 1000, "A maximum receive count is 1 to 1000.");
		if (deadLetter.getQueue() != null) {
			new BoundValue<>(deadLetter.getQueue(), queuePropertyName(id, "dead-letter.queue")).require(
					(candidate) -> QUEUE_NAME.matcher(candidate).matches()
							&& candidate.endsWith(".fifo") == queue.isFifo(),
					"A dead-letter queue is named like any queue, and is FIFO exactly when its queue is.");
		}
		return new SqsQueueDescriptor(id, name, null, queue.isFifo(), queue.getVisibilityTimeout(),
				deadLetter.getQueue(), deadLetter.getMaxReceiveCount());
	}

	static String queuePropertyName(String id, String property) {
		return TributaryProperties.PREFIX + ".queues." + id + "." + property;
	}

}
