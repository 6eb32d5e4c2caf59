package dev.tributary.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import dev.tributary.kinesis.LambdaEventException;
import dev.tributary.sqs.SqsEventCodec;
import dev.tributary.sqs.SqsQueueMessage;

import org.springframework.util.Assert;

/**
 * Reads an SQS processor's events with the {@link SqsEventCodec}; an event it cannot take is an
 * {@link SqsQueueEventException} naming the processor, which fails the invocation: Lambda then
 * makes every message of the batch visible again, and deletes none.
 *
 * @author Tributary
 */
final class SqsEventReader implements LambdaEventReader<SqsQueueMessage> {

	private final SqsEventCodec codec;

	private final String processorName;

	SqsEventReader(SqsEventCodec codec, String processorName) {
		Assert.notNull(codec, "'codec' must not be null");
		Assert.hasText(processorName, "'processorName' must not be empty");
		this.codec = codec;
		this.processorName = processorName;
	}

	@Override
	public LambdaBatch<SqsQueueMessage> read(InputStream input) {
		List<SqsQueueMessage> messages;
		try {
			messages = this.codec.read(input.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read the Lambda event for processor '" + this.processorName + "'",
					ex);
		}
		catch (LambdaEventException ex) {
			throw new SqsQueueEventException("Processor '" + this.processorName
					+ "' reads an SQS queue and cannot take this event. " + ex.getMessage(), ex);
		}
		return new LambdaBatch<>(messages, messages.isEmpty() ? null : messages.get(0).eventSourceArn(), null);
	}

}
