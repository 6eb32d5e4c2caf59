package dev.tributary.kinesis;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Says in words what an event that is not the expected source's looks like, for error messages:
 * the event source of its first record ({@code aws:sqs}, {@code aws:dynamodb}, ...), an API
 * Gateway or function URL request, or its top-level fields. Runs only on the error path, so it
 * reads the event a second time.
 *
 * @author Tributary
 */
public final class EventShapes {

	private static final JsonFactory jsonFactory = new JsonFactory();

	private EventShapes() {
	}

	/**
	 * Describe an event.
	 * @param event the event's bytes
	 * @return what it looks like, in words
	 */
	public static String describe(byte[] event) {
		try (JsonParser parser = jsonFactory.createParser(ObjectReadContext.empty(), event)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				return "an empty input";
			}
			if (first != JsonToken.START_OBJECT) {
				return "a JSON " + kind(first) + ", not an object";
			}
			List<String> names = new ArrayList<>();
			String source = null;
			String name;
			while ((name = parser.nextName()) != null) {
				names.add(name);
				JsonToken token = parser.nextToken();
				if (("Records".equals(name) || "records".equals(name)) && token == JsonToken.START_ARRAY) {
					source = firstEventSource(parser);
				}
				else {
					parser.skipChildren();
				}
			}
			if (source != null) {
				return "an event whose first record's event source is '" + source + "'";
			}
			return describeObject(names);
		}
		catch (JacksonException ex) {
			// The parser's message can quote the input: say only that it is not JSON.
			return "input that is not valid JSON";
		}
	}

	// On-failure destination payloads carry a requestContext too: they are recognised first.
	private static String describeObject(List<String> names) {
		if (names.contains("KinesisBatchInfo")) {
			return "a Kinesis on-failure destination record (KinesisBatchInfo), which Lambda sends to a destination "
					+ "once retries run out and which holds no records";
		}
		if (names.contains("DDBStreamBatchInfo")) {
			return "a DynamoDB Streams on-failure destination record (DDBStreamBatchInfo), which holds no records";
		}
		if (names.contains("deliveryStreamArn")) {
			return "a Kinesis Data Firehose event (Firehose's 'records', not a Kinesis stream's 'Records')";
		}
		if (names.contains("kinesis")) {
			return "a single Kinesis record without the {\"Records\": [...]} wrapper";
		}
		if (names.contains("requestContext") || names.contains("httpMethod") || names.contains("routeKey")) {
			return "an HTTP request event (API Gateway or a function URL)";
		}
		if (names.contains("detail-type")) {
			return "an EventBridge event";
		}
		return names.isEmpty() ? "an empty JSON object" : "a JSON object with the fields " + names;
	}

	private static @Nullable String firstEventSource(JsonParser parser) {
		String source = null;
		JsonToken token = parser.nextToken();
		if (token == JsonToken.START_OBJECT) {
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				if (("eventSource".equals(name) || "EventSource".equals(name)) && value == JsonToken.VALUE_STRING) {
					source = parser.getString();
				}
				else {
					parser.skipChildren();
				}
			}
			token = parser.nextToken();
		}
		while (token != null && token != JsonToken.END_ARRAY) {
			parser.skipChildren();
			token = parser.nextToken();
		}
		return source;
	}

	static String kind(@Nullable JsonToken token) {
		if (token == null) {
			return "nothing";
		}
		return switch (token) {
			case START_OBJECT -> "object";
			case START_ARRAY -> "array";
			case VALUE_STRING -> "string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
			case VALUE_TRUE, VALUE_FALSE -> "boolean";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

}
