package dev.tributary.test.processor;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.ProcessorDefinition;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.dynamodb.DynamoDbStreamEvent;
import dev.tributary.kinesis.KinesisDataRecord;
import dev.tributary.kinesis.KinesisEvent;
import dev.tributary.kinesis.KinesisEventCodec;
import dev.tributary.sqs.SqsEventCodec;
import dev.tributary.sqs.SqsQueueMessage;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The item identifiers of an event's records, in order, read with the codec of the processor's
 * source: what a {@link BatchResult} sorts into processed and failed.
 *
 * @author Tributary
 */
final class EventItems {

	private EventItems() {
	}

	static List<String> itemIdentifiers(ProcessorDefinition<?> processor, byte[] event) {
		// A set: the user records of one KPL aggregate share their sequence number.
		Set<String> identifiers = new LinkedHashSet<>();
		if (processor instanceof StreamProcessorDefinition<?>) {
			DynamoDbStreamEvent read = new DynamoDbEventCodec().read(new ByteArrayInputStream(event));
			for (Record record : read.records()) {
				identifiers.add(record.dynamodb().sequenceNumber());
			}
			if (read.malformed() != null) {
				identifiers.add(read.malformed().sequenceNumber());
			}
		}
		else if (processor instanceof KinesisProcessorDefinition<?>) {
			KinesisEvent read = new KinesisEventCodec().read(event);
			for (KinesisDataRecord record : read.records()) {
				identifiers.add(record.sequenceNumber());
			}
			if (read.malformed() != null) {
				identifiers.add(read.malformed().sequenceNumber());
			}
		}
		else if (processor instanceof SqsProcessorDefinition<?>) {
			for (SqsQueueMessage message : new SqsEventCodec().read(event)) {
				identifiers.add(message.messageId());
			}
		}
		return new ArrayList<>(identifiers);
	}

}
