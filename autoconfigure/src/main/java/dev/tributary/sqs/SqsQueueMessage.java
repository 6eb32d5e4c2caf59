package dev.tributary.sqs;

import java.util.Map;

import dev.tributary.SqsMessageAttribute;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An SQS message as a source delivers it, before its body is mapped: what Lambda's SQS event
 * holds for one record, and what ReceiveMessage returns.
 *
 * @param messageId the message id, reported as the batch item failure
 * @param receiptHandle the receipt handle the message was received with
 * @param body the body
 * @param attributes the system attributes by name ({@code ApproximateReceiveCount}, ...)
 * @param messageAttributes the message attributes by name
 * @param md5OfBody the MD5 digest of the body, if known
 * @param eventSourceArn the queue's ARN
 * @param awsRegion the queue's region, if known
 * @author Tributary
 */
public record SqsQueueMessage(String messageId, String receiptHandle, String body, Map<String, String> attributes,
		Map<String, SqsMessageAttribute> messageAttributes, @Nullable String md5OfBody, String eventSourceArn,
		@Nullable String awsRegion) {

	public SqsQueueMessage {
		Assert.hasText(messageId, "'messageId' must not be empty");
		Assert.notNull(receiptHandle, "'receiptHandle' must not be null");
		Assert.notNull(body, "'body' must not be null");
		attributes = Map.copyOf(attributes);
		messageAttributes = Map.copyOf(messageAttributes);
		Assert.notNull(eventSourceArn, "'eventSourceArn' must not be null");
	}

	/**
	 * Shows where the message comes from, never its body.
	 */
	@Override
	public String toString() {
		return "SqsQueueMessage[messageId=" + this.messageId + ", queue=" + this.eventSourceArn + "]";
	}

}
