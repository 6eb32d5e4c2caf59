package dev.tributary.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.KeyAttribute;
import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.ProcessorDefinition;
import dev.tributary.S3ProcessorDefinition;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.TableDescriptor;

/**
 * Synthetic one-record Lambda events, one shape per source, that priming runs a processor's
 * path with: a DynamoDB {@code INSERT} whose new image holds the table's keys, a Kinesis record
 * and an SQS message whose data is the JSON {@code {}}, and an S3 {@code ObjectCreated:Put}
 * both as S3 sends it and as an SQS message carrying it. They name no real resource: every ARN
 * ends in {@value #NAME}, in account {@code 000000000000}.
 *
 * @author Tributary
 */
final class PrimingEvents {

	/** Name of the made-up resources, and of the records. */
	static final String NAME = "tributary-priming";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String REGION = "us-east-1";

	private static final String EMPTY_JSON = "{}";

	private PrimingEvents() {
	}

	/**
	 * The events that run a processor's whole Lambda path.
	 * @param processor the processor
	 * @return its source's events: one, or two for S3 (direct and through SQS)
	 * @throws IllegalArgumentException for a processor of a source with no event shape here
	 */
	static List<byte[]> forProcessor(ProcessorDefinition<?> processor) {
		if (processor instanceof StreamProcessorDefinition<?> dynamoDb) {
			return List.of(dynamoDb(DynamoDbStreamBinding.of(dynamoDb).table()));
		}
		if (processor instanceof KinesisProcessorDefinition<?>) {
			return List.of(kinesis());
		}
		if (processor instanceof SqsProcessorDefinition<?>) {
			return List.of(sqs(EMPTY_JSON));
		}
		if (processor instanceof S3ProcessorDefinition) {
			String s3 = json.writeValueAsString(s3());
			return List.of(bytes(s3), sqs(s3));
		}
		throw new IllegalArgumentException("No priming event for processor '" + processor.name() + "' of "
				+ processor.binding().describe());
	}

	private static byte[] dynamoDb(TableDescriptor table) {
		ObjectNode keys = json.createObjectNode();
		keys.set(table.partitionKey().name(), attribute(table.partitionKey()));
		table.findSortKey().ifPresent((sortKey) -> keys.set(sortKey.name(), attribute(sortKey)));
		ObjectNode change = json.createObjectNode();
		change.put("ApproximateCreationDateTime", 1.7e9);
		change.set("Keys", keys);
		change.set("NewImage", keys.deepCopy());
		change.put("SequenceNumber", "100000000000000000001");
		change.put("SizeBytes", 1);
		change.put("StreamViewType", "NEW_AND_OLD_IMAGES");
		ObjectNode record = json.createObjectNode();
		record.put("eventID", NAME);
		record.put("eventName", "INSERT");
		record.put("eventVersion", "1.1");
		record.put("eventSource", "aws:dynamodb");
		record.put("awsRegion", REGION);
		record.set("dynamodb", change);
		record.put("eventSourceARN", "arn:aws:dynamodb:" + REGION + ":000000000000:table/" + NAME + "/stream/"
				+ "2026-01-01T00:00:00.000");
		return records(record);
	}

	private static ObjectNode attribute(KeyAttribute key) {
		ObjectNode value = json.createObjectNode();
		switch (key.type()) {
			case S -> value.put("S", NAME);
			case N -> value.put("N", "1");
			case B -> value.put("B", Base64.getEncoder().encodeToString(NAME.getBytes(StandardCharsets.UTF_8)));
		}
		return value;
	}

	private static byte[] kinesis() {
		String sequenceNumber = "49590338271490256608559692538361571095921575989136588802";
		ObjectNode data = json.createObjectNode();
		data.put("kinesisSchemaVersion", "1.0");
		data.put("partitionKey", NAME);
		data.put("sequenceNumber", sequenceNumber);
		data.put("data", Base64.getEncoder().encodeToString(EMPTY_JSON.getBytes(StandardCharsets.UTF_8)));
		data.put("approximateArrivalTimestamp", 1.7e9);
		ObjectNode record = json.createObjectNode();
		record.set("kinesis", data);
		record.put("eventSource", "aws:kinesis");
		record.put("eventVersion", "1.0");
		record.put("eventID", "shardId-000000000000:" + sequenceNumber);
		record.put("eventName", "aws:kinesis:record");
		record.put("awsRegion", REGION);
		record.put("eventSourceARN", "arn:aws:kinesis:" + REGION + ":000000000000:stream/" + NAME);
		return records(record);
	}

	private static byte[] sqs(String body) {
		ObjectNode attributes = json.createObjectNode();
		attributes.put("ApproximateReceiveCount", "1");
		attributes.put("SentTimestamp", "1700000000000");
		attributes.put("SenderId", "000000000000");
		attributes.put("ApproximateFirstReceiveTimestamp", "1700000000000");
		ObjectNode record = json.createObjectNode();
		record.put("messageId", "00000000-0000-0000-0000-000000000000");
		record.put("receiptHandle", NAME);
		record.put("body", body);
		record.set("attributes", attributes);
		record.set("messageAttributes", json.createObjectNode());
		record.put("eventSource", "aws:sqs");
		record.put("eventSourceARN", "arn:aws:sqs:" + REGION + ":000000000000:" + NAME);
		record.put("awsRegion", REGION);
		return records(record);
	}

	private static ObjectNode s3() {
		ObjectNode bucket = json.createObjectNode();
		bucket.put("name", NAME);
		bucket.put("arn", "arn:aws:s3:::" + NAME);
		ObjectNode object = json.createObjectNode();
		object.put("key", NAME);
		object.put("size", 0);
		object.put("eTag", "d41d8cd98f00b204e9800998ecf8427e");
		object.put("sequencer", "0000000000000000");
		ObjectNode s3 = json.createObjectNode();
		s3.put("s3SchemaVersion", "1.0");
		s3.put("configurationId", NAME);
		s3.set("bucket", bucket);
		s3.set("object", object);
		ObjectNode record = json.createObjectNode();
		record.put("eventVersion", "2.1");
		record.put("eventSource", "aws:s3");
		record.put("awsRegion", REGION);
		record.put("eventTime", "2026-01-01T00:00:00.000Z");
		record.put("eventName", "ObjectCreated:Put");
		record.set("s3", s3);
		ObjectNode event = json.createObjectNode();
		event.set("Records", json.createArrayNode().add(record));
		return event;
	}

	private static byte[] records(ObjectNode record) {
		ArrayNode records = json.createArrayNode().add(record);
		ObjectNode event = json.createObjectNode();
		event.set("Records", records);
		return json.writeValueAsBytes(event);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
