package dev.tributary;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One message of an SQS queue, with its body mapped to {@code T}.
 * <p>
 * Its item identifier is the message id: a partial batch failure names the messages to retry by
 * their ids, and Lambda deletes every message it does not name. Its ordering key is the message
 * group id of a FIFO queue's message.
 *
 * @param <T> the type the body is mapped to
 * @author Tributary
 */
public final class SqsMessage<T> implements SourceRecord {

	private final T payload;

	private final String body;

	private final String messageId;

	private final String receiptHandle;

	private final Map<String, String> attributes;

	private final Map<String, SqsMessageAttribute> messageAttributes;

	private final String eventSourceArn;

	private SqsMessage(Builder<T> builder) {
		Assert.notNull(builder.payload, "'payload' must not be null");
		Assert.notNull(builder.body, "'body' must not be null");
		Assert.hasText(builder.messageId, "'messageId' must not be empty");
		this.payload = builder.payload;
		this.body = builder.body;
		this.messageId = builder.messageId;
		this.receiptHandle = (builder.receiptHandle != null) ? builder.receiptHandle : "";
		this.attributes = Map.copyOf(builder.attributes);
		this.messageAttributes = Map.copyOf(builder.messageAttributes);
		this.eventSourceArn = (builder.eventSourceArn != null) ? builder.eventSourceArn : "";
	}

	/**
	 * The body mapped to {@code T}.
	 * @return the payload
	 */
	public T payload() {
		return this.payload;
	}

	/**
	 * The body as it was sent.
	 * @return the body
	 */
	public String body() {
		return this.body;
	}

	/**
	 * The message id.
	 * @return the id
	 */
	public String messageId() {
		return this.messageId;
	}

	/**
	 * The receipt handle the message was received with (what deletes it).
	 * @return the receipt handle, empty when unknown
	 */
	public String receiptHandle() {
		return this.receiptHandle;
	}

	/**
	 * The system attributes ({@code ApproximateReceiveCount}, {@code SentTimestamp},
	 * {@code MessageGroupId}, ...), by name.
	 * @return the attributes
	 */
	public Map<String, String> attributes() {
		return this.attributes;
	}

	/**
	 * The message attributes the sender set, by name.
	 * @return the message attributes
	 */
	public Map<String, SqsMessageAttribute> messageAttributes() {
		return this.messageAttributes;
	}

	/**
	 * How many times the message was received, this time included.
	 * @return the receive count, 1 when unknown
	 */
	public int receiveCount() {
		String count = this.attributes.get("ApproximateReceiveCount");
		try {
			return (count != null) ? Integer.parseInt(count) : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	/**
	 * When the message was sent.
	 * @return the time, or {@code null} when unknown
	 */
	public @Nullable Instant sentTime() {
		String sent = this.attributes.get("SentTimestamp");
		try {
			return (sent != null) ? Instant.ofEpochMilli(Long.parseLong(sent)) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The message group id of a FIFO queue's message.
	 * @return the group id, or {@code null} for a standard queue
	 */
	public @Nullable String messageGroupId() {
		return this.attributes.get("MessageGroupId");
	}

	/**
	 * The deduplication id of a FIFO queue's message.
	 * @return the deduplication id, or {@code null}
	 */
	public @Nullable String messageDeduplicationId() {
		return this.attributes.get("MessageDeduplicationId");
	}

	/**
	 * The ARN of the queue the message came from.
	 * @return the ARN, empty when unknown
	 */
	public String eventSourceArn() {
		return this.eventSourceArn;
	}

	@Override
	public String itemIdentifier() {
		return this.messageId;
	}

	@Override
	public @Nullable Object orderingKey() {
		return messageGroupId();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return other instanceof SqsMessage<?> that && this.messageId.equals(that.messageId)
				&& this.receiptHandle.equals(that.receiptHandle) && this.body.equals(that.body)
				&& Objects.equals(this.payload, that.payload);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.messageId, this.receiptHandle);
	}

	/**
	 * Shows where the message comes from, never its body.
	 */
	@Override
	public String toString() {
		return "SqsMessage[messageId=" + this.messageId + ", queue=" + this.eventSourceArn + ", receiveCount="
				+ receiveCount() + "]";
	}

	/**
	 * A builder, for tests and for the runtimes.
	 * @param <T> the payload type
	 * @return a new builder
	 */
	public static <T> Builder<T> builder() {
		return new Builder<>();
	}

	/**
	 * Builds an {@link SqsMessage}.
	 *
	 * @param <T> the payload type
	 */
	public static final class Builder<T> {

		private @Nullable T payload;

		private @Nullable String body;

		private @Nullable String messageId;

		private @Nullable String receiptHandle;

		private Map<String, String> attributes = Map.of();

		private Map<String, SqsMessageAttribute> messageAttributes = Map.of();

		private @Nullable String eventSourceArn;

		private Builder() {
		}

		/**
		 * The body and what it maps to.
		 * @param payload the mapped body
		 * @param body the body as sent
		 * @return this builder
		 */
		public Builder<T> payload(T payload, String body) {
			this.payload = payload;
			this.body = body;
			return this;
		}

		/**
		 * The message id.
		 * @param messageId the id
		 * @return this builder
		 */
		public Builder<T> messageId(String messageId) {
			this.messageId = messageId;
			return this;
		}

		/**
		 * The receipt handle.
		 * @param receiptHandle the handle
		 * @return this builder
		 */
		public Builder<T> receiptHandle(@Nullable String receiptHandle) {
			this.receiptHandle = receiptHandle;
			return this;
		}

		/**
		 * The system attributes.
		 * @param attributes the attributes, by name
		 * @return this builder
		 */
		public Builder<T> attributes(Map<String, String> attributes) {
			this.attributes = attributes;
			return this;
		}

		/**
		 * The message attributes.
		 * @param messageAttributes the attributes, by name
		 * @return this builder
		 */
		public Builder<T> messageAttributes(Map<String, SqsMessageAttribute> messageAttributes) {
			this.messageAttributes = messageAttributes;
			return this;
		}

		/**
		 * The queue's ARN.
		 * @param eventSourceArn the ARN
		 * @return this builder
		 */
		public Builder<T> eventSourceArn(@Nullable String eventSourceArn) {
			this.eventSourceArn = eventSourceArn;
			return this;
		}

		/**
		 * Build the message.
		 * @return the message
		 */
		public SqsMessage<T> build() {
			return new SqsMessage<>(this);
		}

	}

}
