package dev.tributary.test.event;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.tributary.SqsMessage;
import dev.tributary.SqsMessageAttribute;
import dev.tributary.kinesis.PayloadMappers;
import dev.tributary.sqs.SqsEventCodec;
import dev.tributary.sqs.SqsMessageFactory;
import dev.tributary.sqs.SqsQueueMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.util.DigestUtils;

/**
 * Builds the messages of an SQS queue: as the Lambda event Lambda sends ({@link #build()}), or
 * as the {@link SqsMessage SqsMessages} a processor receives ({@link #records(Class)}), bodies
 * mapped as the runtimes map them.
 * <pre class="code">
 * LambdaEvent event = SqsEvents.forQueue("Orders.fifo")
 *     .message("{\"id\":\"o-1\"}", (message) -&gt; message.groupId("customer-1"))
 *     .message("{\"id\":\"o-2\"}", (message) -&gt; message.groupId("customer-1").receiveCount(3))
 *     .build();
 * </pre>
 * Messages get ids {@code message-1}, {@code message-2}, ... in the order they are added, a
 * receive count of 1, and send times a second apart from 2026-01-01T00:00:00Z; a FIFO queue's
 * name ends in {@code .fifo}.
 *
 * @author Tributary
 */
public final class SqsEvents {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String queue;

	private final List<Message> messages = new ArrayList<>();

	private String region = TestResources.REGION;

	private SqsEvents(String queue) {
		this.queue = queue;
	}

	/**
	 * Start an event of a queue.
	 * @param queue the queue's name; a FIFO queue's ends in {@code .fifo}
	 * @return the builder
	 */
	public static SqsEvents forQueue(String queue) {
		Assert.hasText(queue, "'queue' must not be empty");
		return new SqsEvents(queue);
	}

	/**
	 * The queue's region, {@code us-east-1} by default.
	 * @param region the region
	 * @return this builder
	 */
	public SqsEvents region(String region) {
		Assert.hasText(region, "'region' must not be empty");
		this.region = region;
		return this;
	}

	/**
	 * Add a message.
	 * @param body the body
	 * @return this builder
	 */
	public SqsEvents message(String body) {
		return message(body, (message) -> {
		});
	}

	/**
	 * Add a message with settings of its own: id, FIFO group, receive count, attributes.
	 * @param body the body
	 * @param customizer sets what differs from the defaults
	 * @return this builder
	 */
	public SqsEvents message(String body, Consumer<Message> customizer) {
		Assert.notNull(body, "'body' must not be null");
		Assert.notNull(customizer, "'customizer' must not be null");
		Message message = new Message(body, "message-" + (this.messages.size() + 1));
		customizer.accept(message);
		Assert.state(message.groupId == null || isFifo(), () -> "Message group ids need a FIFO queue, whose name ends "
				+ "in .fifo; '" + this.queue + "' does not");
		Assert.state(message.groupId != null || !isFifo(), () -> "Every message of FIFO queue '" + this.queue
				+ "' needs a message group id: message(body, (message) -> message.groupId(\"...\"))");
		this.messages.add(message);
		return this;
	}

	/**
	 * Add a message whose body is an object written as JSON.
	 * @param payload the object
	 * @return this builder
	 */
	public SqsEvents json(Object payload) {
		return json(payload, (message) -> {
		});
	}

	/**
	 * Add a message whose body is an object written as JSON, with settings of its own.
	 * @param payload the object
	 * @param customizer sets what differs from the defaults
	 * @return this builder
	 */
	public SqsEvents json(Object payload, Consumer<Message> customizer) {
		Assert.notNull(payload, "'payload' must not be null");
		return message(json.writeValueAsString(payload), customizer);
	}

	private boolean isFifo() {
		return this.queue.endsWith(".fifo");
	}

	/**
	 * The ARN of the queue, as the messages carry it.
	 * @return the queue's ARN
	 */
	public String eventSourceArn() {
		return "arn:aws:sqs:" + this.region + ":" + TestResources.ACCOUNT + ":" + this.queue;
	}

	/**
	 * The messages as a source delivers them, before their body is mapped.
	 * @return the messages, in order
	 */
	public List<SqsQueueMessage> queueMessages() {
		List<SqsQueueMessage> result = new ArrayList<>(this.messages.size());
		for (int i = 0; i < this.messages.size(); i++) {
			result.add(this.messages.get(i).toQueueMessage(i, eventSourceArn(), this.region));
		}
		return result;
	}

	/**
	 * The event Lambda sends for these messages, written by Tributary's {@link SqsEventCodec}.
	 * @return the event
	 */
	public LambdaEvent build() {
		return LambdaEvent.of(new SqsEventCodec().write(queueMessages()));
	}

	/**
	 * The messages a processor of {@code SqsMessage<T>} receives.
	 * @param <T> the body type
	 * @param type the body type
	 * @return the messages, in order
	 */
	public <T> List<SqsMessage<T>> records(Class<T> type) {
		return records(ResolvableType.forClass(type));
	}

	/**
	 * The messages a processor of {@code SqsMessage<T>} receives, for a generic {@code T}.
	 * @param <T> the body type
	 * @param type the body type
	 * @return the messages, in order
	 */
	public <T> List<SqsMessage<T>> records(ResolvableType type) {
		Assert.notNull(type, "'type' must not be null");
		SqsMessageFactory<T> factory = new SqsMessageFactory<>(PayloadMappers.forType(type), type.toString());
		return queueMessages().stream().map(factory::create).toList();
	}

	/**
	 * What one message carries besides its body.
	 */
	public static final class Message {

		private final String body;

		private String messageId;

		private @Nullable String groupId;

		private @Nullable String deduplicationId;

		private int receiveCount = 1;

		private final Map<String, SqsMessageAttribute> attributes = new LinkedHashMap<>();

		private Message(String body, String messageId) {
			this.body = body;
			this.messageId = messageId;
		}

		/**
		 * The message id, what a partial batch failure names.
		 * @param messageId the id
		 * @return this message
		 */
		public Message messageId(String messageId) {
			Assert.hasText(messageId, "'messageId' must not be empty");
			this.messageId = messageId;
			return this;
		}

		/**
		 * The message group of a FIFO queue's message.
		 * @param groupId the group id
		 * @return this message
		 */
		public Message groupId(String groupId) {
			Assert.hasText(groupId, "'groupId' must not be empty");
			this.groupId = groupId;
			return this;
		}

		/**
		 * The deduplication id of a FIFO queue's message, the message id unless set.
		 * @param deduplicationId the deduplication id
		 * @return this message
		 */
		public Message deduplicationId(String deduplicationId) {
			Assert.hasText(deduplicationId, "'deduplicationId' must not be empty");
			this.deduplicationId = deduplicationId;
			return this;
		}

		/**
		 * How many times the message has been received, this time included.
		 * @param receiveCount the receive count, 1 or more
		 * @return this message
		 */
		public Message receiveCount(int receiveCount) {
			Assert.isTrue(receiveCount >= 1, "'receiveCount' must be 1 or more");
			this.receiveCount = receiveCount;
			return this;
		}

		/**
		 * A {@code String} message attribute.
		 * @param name the attribute's name
		 * @param value its value
		 * @return this message
		 */
		public Message attribute(String name, String value) {
			Assert.hasText(name, "'name' must not be empty");
			Assert.notNull(value, "'value' must not be null");
			this.attributes.put(name, new SqsMessageAttribute("String", value, null));
			return this;
		}

		/**
		 * A message attribute of any data type.
		 * @param name the attribute's name
		 * @param attribute the attribute
		 * @return this message
		 */
		public Message attribute(String name, SqsMessageAttribute attribute) {
			Assert.hasText(name, "'name' must not be empty");
			Assert.notNull(attribute, "'attribute' must not be null");
			this.attributes.put(name, attribute);
			return this;
		}

		private SqsQueueMessage toQueueMessage(int index, String arn, String region) {
			String sent = String.valueOf(TestResources.START.plusSeconds(index).toEpochMilli());
			Map<String, String> system = new LinkedHashMap<>();
			system.put("ApproximateReceiveCount", String.valueOf(this.receiveCount));
			system.put("SentTimestamp", sent);
			system.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
			system.put("ApproximateFirstReceiveTimestamp", sent);
			if (this.groupId != null) {
				system.put("SequenceNumber", TestResources.sequenceNumber(index));
				system.put("MessageGroupId", this.groupId);
				system.put("MessageDeduplicationId", (this.deduplicationId != null) ? this.deduplicationId
						: this.messageId);
			}
			return new SqsQueueMessage(this.messageId, "handle-" + this.messageId, this.body, system, this.attributes,
					DigestUtils.md5DigestAsHex(this.body.getBytes(StandardCharsets.UTF_8)), arn, region);
		}

	}

}
