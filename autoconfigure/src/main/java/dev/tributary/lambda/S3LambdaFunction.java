package dev.tributary.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.Assert;

/**
 * The function of an S3 event processor, whichever way S3 delivers: an SQS event (notifications
 * through a queue) goes to the queue's function, which answers by message id; an S3 event (S3
 * invoking directly) goes to the direct function, which fails the invocation on a failure. So
 * the same artifact keeps working when the delivery changes.
 *
 * @author Tributary
 */
final class S3LambdaFunction implements Function<Message<InputStream>, byte[]> {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String processorName;

	private final Function<Message<InputStream>, byte[]> queued;

	private final Function<Message<InputStream>, byte[]> direct;

	S3LambdaFunction(String processorName, Function<Message<InputStream>, byte[]> queued,
			Function<Message<InputStream>, byte[]> direct) {
		Assert.hasText(processorName, "'processorName' must not be empty");
		Assert.notNull(queued, "'queued' must not be null");
		this.processorName = processorName;
		Assert.notNull(direct, "'direct' must not be null");
		this.queued = queued;
		this.direct = direct;
	}

	@Override
	public byte[] apply(Message<InputStream> message) {
		byte[] event;
		try (InputStream input = message.getPayload()) {
			event = input.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read the Lambda event", ex);
		}
		Message<InputStream> again = MessageBuilder.withPayload((InputStream) new ByteArrayInputStream(event))
			.copyHeaders(message.getHeaders())
			.build();
		String source = eventSource(event);
		if ("aws:s3".equals(source)) {
			return this.direct.apply(again);
		}
		if (source == null || "aws:sqs".equals(source)) {
			// An SQS event, or one too broken to tell: the queue's reader says what is wrong.
			return this.queued.apply(again);
		}
		throw new S3EventNotificationException("Processor '" + this.processorName + "' reads S3 event notifications "
				+ "and cannot take this event: expected S3 events (eventSource 'aws:s3') or SQS events carrying them "
				+ "('aws:sqs'), but the first record's event source is '" + source + "'. Check the function's "
				+ "event source mapping or the bucket's notification. The invocation fails as a whole so that "
				+ "nothing is lost", null);
	}

	/**
	 * The first record's event source, or {@code null} when the event has none.
	 */
	private static @Nullable String eventSource(byte[] event) {
		try {
			JsonNode records = json.readTree(event).get("Records");
			JsonNode first = (records != null && records.isArray() && !records.isEmpty()) ? records.get(0) : null;
			JsonNode source = (first != null) ? first.get("eventSource") : null;
			return (source != null && source.isString()) ? source.asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
