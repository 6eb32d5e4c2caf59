package dev.tributary.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

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

	private final Function<Message<InputStream>, byte[]> queued;

	private final Function<Message<InputStream>, byte[]> direct;

	S3LambdaFunction(Function<Message<InputStream>, byte[]> queued, Function<Message<InputStream>, byte[]> direct) {
		Assert.notNull(queued, "'queued' must not be null");
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
		return isDirect(event) ? this.direct.apply(again) : this.queued.apply(again);
	}

	/**
	 * Whether the first record's event source is S3 itself; anything else (an SQS event, or
	 * something neither reads) goes to the queue's function, which says what it expected.
	 */
	private static boolean isDirect(byte[] event) {
		try {
			JsonNode records = json.readTree(event).get("Records");
			JsonNode first = (records != null && records.isArray() && !records.isEmpty()) ? records.get(0) : null;
			JsonNode source = (first != null) ? first.get("eventSource") : null;
			return source != null && "aws:s3".equals(source.asString());
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
