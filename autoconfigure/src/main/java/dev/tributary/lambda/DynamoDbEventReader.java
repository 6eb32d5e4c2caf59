package dev.tributary.lambda;

import java.io.InputStream;

import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.dynamodb.DynamoDbEventException;
import dev.tributary.dynamodb.DynamoDbStreamEvent;
import dev.tributary.dynamodb.DynamoDbStreamEvent.MalformedRecord;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.util.Assert;

/**
 * Reads a DynamoDB Streams processor's events with the {@link DynamoDbEventCodec}; an event it
 * cannot take is a {@link DynamoDbStreamEventException} naming the processor.
 *
 * @author Tributary
 */
final class DynamoDbEventReader implements LambdaEventReader<Record> {

	private final DynamoDbEventCodec codec;

	private final String processorName;

	DynamoDbEventReader(DynamoDbEventCodec codec, String processorName) {
		Assert.notNull(codec, "'codec' must not be null");
		Assert.hasText(processorName, "'processorName' must not be empty");
		this.codec = codec;
		this.processorName = processorName;
	}

	@Override
	public LambdaBatch<Record> read(InputStream input) {
		DynamoDbStreamEvent event;
		try {
			event = this.codec.read(input);
		}
		catch (DynamoDbEventException ex) {
			throw new DynamoDbStreamEventException("Processor '" + this.processorName
					+ "' reads DynamoDB Streams and cannot take this event. " + ex.getMessage(), ex);
		}
		MalformedRecord malformed = event.malformed();
		return new LambdaBatch<>(event.records(), event.eventSourceArn(), (malformed != null)
				? new LambdaBatch.Malformed(malformed.index(), malformed.sequenceNumber(),
						(malformed.eventId() != null) ? " (event " + malformed.eventId() + ")" : "", malformed.reason())
				: null);
	}

}
