package dev.tributary.sqs;

import java.nio.charset.StandardCharsets;

import dev.tributary.SqsMessage;
import dev.tributary.batch.PayloadMappingException;
import dev.tributary.kinesis.PayloadMapper;
import dev.tributary.kinesis.PayloadMappers;

import org.springframework.util.Assert;

/**
 * Builds a processor's {@link SqsMessage SqsMessages} from raw messages, mapping each body with
 * the processor's {@link PayloadMapper} (over the body's UTF-8 bytes). A body that does not fit
 * fails that message only, with a {@link PayloadMappingException} that says where and why,
 * without the body.
 *
 * @param <T> the body type
 * @author Tributary
 */
public final class SqsMessageFactory<T> {

	private final PayloadMapper<T> mapper;

	private final String typeName;

	/**
	 * Create a factory.
	 * @param mapper maps bodies to {@code T}
	 * @param typeName the name of {@code T}, for error messages
	 */
	public SqsMessageFactory(PayloadMapper<T> mapper, String typeName) {
		Assert.notNull(mapper, "'mapper' must not be null");
		Assert.hasText(typeName, "'typeName' must not be empty");
		this.mapper = mapper;
		this.typeName = typeName;
	}

	/**
	 * Convert one message.
	 * @param message the raw message
	 * @return the typed message
	 * @throws PayloadMappingException if the body cannot be mapped
	 */
	public SqsMessage<T> create(SqsQueueMessage message) {
		byte[] bytes = message.body().getBytes(StandardCharsets.UTF_8);
		T payload;
		try {
			payload = this.mapper.map(bytes);
		}
		catch (RuntimeException ex) {
			throw new PayloadMappingException(message.messageId(), "Message " + message.messageId() + ": its body of "
					+ bytes.length + " bytes cannot be mapped to " + this.typeName + ": "
					+ PayloadMappers.describeFailure(ex), ex);
		}
		if (payload == null) {
			throw new PayloadMappingException(message.messageId(), "Message " + message.messageId()
					+ ": its body maps to null (JSON 'null'), not to " + this.typeName,
					new IllegalArgumentException("null body"));
		}
		return SqsMessage.<T>builder()
			.payload(payload, message.body())
			.messageId(message.messageId())
			.receiptHandle(message.receiptHandle())
			.attributes(message.attributes())
			.messageAttributes(message.messageAttributes())
			.eventSourceArn(message.eventSourceArn())
			.build();
	}

}
