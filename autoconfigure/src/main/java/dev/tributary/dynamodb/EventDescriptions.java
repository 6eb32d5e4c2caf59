package dev.tributary.dynamodb;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * Says in words what an input that is not a DynamoDB Streams event looks like, from what the
 * parser saw on its one pass: the top-level field names and the event source of the first
 * record. Names and AWS event sources appear in the text, values never.
 *
 * @author Tributary
 */
final class EventDescriptions {

	static final String DYNAMODB = "aws:dynamodb";

	private EventDescriptions() {
	}

	/**
	 * Describe an event whose first record comes from another source.
	 * @param eventSource the record's {@code eventSource}
	 * @return e.g. {@code an SQS event (eventSource aws:sqs)}
	 */
	static String ofSource(String eventSource) {
		String name = switch (eventSource) {
			case "aws:sqs" -> "an SQS event";
			case "aws:kinesis" -> "a Kinesis event";
			case "aws:s3" -> "an S3 event";
			case "aws:sns" -> "an SNS event";
			case "aws:ses" -> "an SES event";
			case "aws:kafka", "SelfManagedKafka" -> "a Kafka event";
			case "aws:mq", "aws:amq", "aws:rmq" -> "an Amazon MQ event";
			case "aws:codecommit" -> "a CodeCommit event";
			default -> "an event from another source";
		};
		return name + " (eventSource " + JsonShapes.quoted(eventSource) + ")";
	}

	/**
	 * Describe a JSON object that has no {@code Records} array.
	 * @param names its top-level field names, in order (at most the first few)
	 * @return e.g. {@code an API Gateway or function URL request}
	 */
	static String ofObject(List<String> names) {
		if (names.contains("DDBStreamBatchInfo")) {
			return "a DynamoDB Streams on-failure destination record (DDBStreamBatchInfo), which Lambda sends to a "
					+ "destination and which holds no records";
		}
		if (names.contains("KinesisBatchInfo")) {
			return "a Kinesis on-failure destination record (KinesisBatchInfo), which Lambda sends to a destination "
					+ "and which holds no records";
		}
		if (names.contains("deliveryStreamArn")) {
			return "a Kinesis Data Firehose event";
		}
		if (names.contains("records")) {
			return "an object with 'records' in lower case (DynamoDB Streams events have 'Records')";
		}
		if (names.contains("dynamodb") || names.contains("eventName")) {
			return "a single stream record without the {\"Records\": [...]} wrapper";
		}
		if (names.contains("requestContext") || names.contains("httpMethod") || names.contains("routeKey")) {
			return "an API Gateway or function URL request";
		}
		if (names.contains("detail-type")) {
			return "an EventBridge event";
		}
		if (names.isEmpty()) {
			return "an empty JSON object";
		}
		return "a JSON object without 'Records' (its fields: " + String.join(", ", names.stream()
			.map((name) -> JsonShapes.isTypeLike(name) ? name : "...")
			.distinct()
			.toList()) + ")";
	}

	/**
	 * Describe an input that is not a JSON object.
	 * @param first its first token, {@code null} when the input is empty
	 * @return e.g. {@code a JSON array, not an object}
	 */
	static String ofRoot(@Nullable JsonToken first) {
		if (first == null) {
			return "an empty input";
		}
		if (first == JsonToken.START_ARRAY) {
			return "a JSON array, not an object (a bare list of records has no {\"Records\": [...]} wrapper)";
		}
		return JsonShapes.kind(first) + ", not an object";
	}

}
