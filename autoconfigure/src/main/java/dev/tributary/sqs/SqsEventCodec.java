package dev.tributary.sqs;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.SqsMessageAttribute;
import dev.tributary.kinesis.EventShapes;
import dev.tributary.kinesis.LambdaEventException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Lambda's SQS event, both ways: {@link #read} turns the event into {@link SqsQueueMessage}s,
 * {@link #toLambdaRecord} writes a message back as the event shows it (for failure messages and
 * round trips), and {@link #toFilterView} is what Lambda's event filtering matches a message
 * against.
 * <p>
 * Lambda deletes every message a response does not name, so there is no partial reading: an
 * event whose records cannot all be read (a record without a message id or a body, a value of
 * the wrong type) fails the invocation as a whole, and Lambda makes every message visible again
 * after the visibility timeout. Nothing is deleted unprocessed. Errors name field paths and
 * shapes, never values.
 *
 * @author Tributary
 */
public final class SqsEventCodec {

	/** The event source of Lambda's SQS records. */
	public static final String EVENT_SOURCE = "aws:sqs";

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Read an event.
	 * @param event the event's bytes
	 * @return the messages, in order
	 * @throws LambdaEventException if the event is not an SQS event or a record cannot be read
	 */
	public List<SqsQueueMessage> read(byte[] event) {
		Assert.notNull(event, "'event' must not be null");
		JsonNode root;
		try {
			root = json.readTree(event);
		}
		catch (JacksonException ex) {
			throw new LambdaEventException("The event is not valid JSON ("
					+ ((ex.getLocation() != null) ? "line " + ex.getLocation().getLineNr() + ", column "
							+ ex.getLocation().getColumnNr() : "at an unknown position")
					+ ")");
		}
		JsonNode records = (root != null && root.isObject()) ? root.get("Records") : null;
		if (records == null || !records.isArray()) {
			throw notAnSqsEvent(event);
		}
		List<SqsQueueMessage> messages = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			JsonNode record = records.get(i);
			if (!record.isObject()) {
				throw new LambdaEventException("Records[" + i + "] is not an object");
			}
			if (!EVENT_SOURCE.equals(text(record, "eventSource", i, false))) {
				throw notAnSqsEvent(event);
			}
			messages.add(message(record, i));
		}
		return messages;
	}

	private SqsQueueMessage message(JsonNode record, int index) {
		String messageId = text(record, "messageId", index, true);
		String body = text(record, "body", index, true);
		String receiptHandle = text(record, "receiptHandle", index, false);
		String arn = text(record, "eventSourceARN", index, false);
		return new SqsQueueMessage(messageId, (receiptHandle != null) ? receiptHandle : "", body,
				attributes(record.get("attributes"), index), messageAttributes(record.get("messageAttributes"), index),
				text(record, "md5OfBody", index, false), (arn != null) ? arn : "", text(record, "awsRegion", index, false));
	}

	private static Map<String, String> attributes(@Nullable JsonNode node, int index) {
		Map<String, String> attributes = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return attributes;
		}
		if (!node.isObject()) {
			throw new LambdaEventException("Records[" + index + "].attributes is not an object");
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (!entry.getValue().isString()) {
				throw new LambdaEventException("Records[" + index + "].attributes." + entry.getKey() + " is not a string");
			}
			attributes.put(entry.getKey(), entry.getValue().asString());
		}
		return attributes;
	}

	private static Map<String, SqsMessageAttribute> messageAttributes(@Nullable JsonNode node, int index) {
		Map<String, SqsMessageAttribute> attributes = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return attributes;
		}
		if (!node.isObject()) {
			throw new LambdaEventException("Records[" + index + "].messageAttributes is not an object");
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			String path = "Records[" + index + "].messageAttributes." + entry.getKey();
			JsonNode dataType = value.isObject() ? value.get("dataType") : null;
			if (dataType == null || !dataType.isString() || dataType.asString().isEmpty()) {
				throw new LambdaEventException(path + " has no dataType");
			}
			JsonNode string = value.get("stringValue");
			JsonNode binary = value.get("binaryValue");
			try {
				attributes.put(entry.getKey(), new SqsMessageAttribute(dataType.asString(),
						(string != null && string.isString()) ? string.asString() : null,
						(binary != null && binary.isString()) ? Base64.getDecoder().decode(binary.asString()) : null));
			}
			catch (IllegalArgumentException ex) {
				throw new LambdaEventException(path + ".binaryValue is not Base64");
			}
		}
		return attributes;
	}

	private static @Nullable String text(JsonNode record, String field, int index, boolean required) {
		JsonNode value = record.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				throw new LambdaEventException("Records[" + index + "] has no " + field);
			}
			return null;
		}
		if (!value.isString()) {
			throw new LambdaEventException("Records[" + index + "]." + field + " is not a string");
		}
		return value.asString();
	}

	private static LambdaEventException notAnSqsEvent(byte[] event) {
		return new LambdaEventException("Expected an SQS event ({\"Records\": [...]} with event source '"
				+ EVENT_SOURCE + "') but got " + EventShapes.describe(event)
				+ ". Check the function's event source mapping: this function's processor reads an SQS queue");
	}

	/**
	 * The message as Lambda's event filtering sees it: the record, with {@code body} parsed as
	 * JSON when it is a JSON object (a body that is not stays a string, and a pattern on
	 * {@code body} fields does not match it, as Lambda's filtering does).
	 * @param message the message
	 * @return the fields filter patterns are matched against
	 */
	public Map<String, Object> toFilterView(SqsQueueMessage message) {
		Map<String, Object> view = toLambdaRecord(message);
		try {
			JsonNode body = json.readTree(message.body());
			if (body != null && body.isObject()) {
				view.put("body", json.treeToValue(body, Map.class));
			}
		}
		catch (JacksonException ex) {
			// Not JSON: matched as the string it is.
		}
		return view;
	}

	/**
	 * Write one message as Lambda's SQS event shows it.
	 * @param message the message
	 * @return the record's fields, ready to be written as JSON
	 */
	public Map<String, Object> toLambdaRecord(SqsQueueMessage message) {
		Assert.notNull(message, "'message' must not be null");
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("messageId", message.messageId());
		record.put("receiptHandle", message.receiptHandle());
		record.put("body", message.body());
		record.put("attributes", new LinkedHashMap<>(message.attributes()));
		Map<String, Object> attributes = new LinkedHashMap<>();
		message.messageAttributes().forEach((name, attribute) -> {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("dataType", attribute.dataType());
			if (attribute.stringValue() != null) {
				value.put("stringValue", attribute.stringValue());
			}
			if (attribute.binaryValue() != null) {
				value.put("binaryValue", Base64.getEncoder().encodeToString(attribute.binaryValue()));
			}
			attributes.put(name, value);
		});
		record.put("messageAttributes", attributes);
		if (message.md5OfBody() != null) {
			record.put("md5OfBody", message.md5OfBody());
		}
		record.put("eventSource", EVENT_SOURCE);
		record.put("eventSourceARN", message.eventSourceArn());
		if (message.awsRegion() != null) {
			record.put("awsRegion", message.awsRegion());
		}
		return record;
	}

	/**
	 * Write messages as Lambda's SQS event.
	 * @param messages the messages
	 * @return the event's JSON
	 */
	public byte[] write(List<SqsQueueMessage> messages) {
		List<Map<String, Object>> records = new ArrayList<>(messages.size());
		for (Iterator<SqsQueueMessage> it = messages.iterator(); it.hasNext();) {
			records.add(toLambdaRecord(it.next()));
		}
		return json.writeValueAsBytes(Map.of("Records", records));
	}

}
