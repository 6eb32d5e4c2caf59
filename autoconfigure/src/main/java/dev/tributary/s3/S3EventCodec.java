package dev.tributary.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.tributary.S3EventRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads S3 event notifications: the {@code {"Records": [...]}} JSON S3 sends to a queue (as a
 * message body) or to a function (as the event), and the test event S3 sends to a queue when a
 * notification to it is configured. Keys are URL-decoded (S3 sends them form-encoded: a space as
 * {@code +}); an event time without a zone (moto's) is read as UTC. What cannot be read is an
 * {@link S3EventException} that says where and why, never quoting the object's key or the body.
 *
 * @author Tributary
 */
public final class S3EventCodec {

	private static final String TEST_EVENT = "s3:TestEvent";

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Whether a queue message's body is S3's test event.
	 * @param body the message body
	 * @return whether it is the test event
	 */
	public boolean isTestEvent(String body) {
		if (!body.contains(TEST_EVENT)) {
			return false;
		}
		try {
			JsonNode node = this.json.readTree(body);
			return node.isObject() && TEST_EVENT.equals(text(node, "Event"));
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/**
	 * The one record of a notification S3 sent to a queue.
	 * @param body the message body
	 * @param messageId the message's id: the record's item identifier
	 * @return the record
	 * @throws S3EventException if the body is not an S3 event with exactly one record
	 */
	public S3EventRecord readMessage(String body, String messageId) {
		List<S3EventRecord> records = readRecords(parse(body, "message " + messageId), (index) -> messageId,
				"message " + messageId);
		if (records.size() != 1) {
			throw new S3EventException("message " + messageId + " holds " + records.size()
					+ " S3 event records; S3 sends exactly one per message");
		}
		return records.get(0);
	}

	/**
	 * The records of an S3 event S3 sent to a function directly.
	 * @param event the event's JSON
	 * @return the records, in order; each identified by its bucket, key and sequencer
	 * @throws S3EventException if the event or one of its records cannot be read
	 */
	public List<S3EventRecord> readEvent(byte[] event) {
		JsonNode root;
		try {
			root = this.json.readTree(event);
		}
		catch (JacksonException ex) {
			throw new S3EventException("the event is not JSON (" + ex.getOriginalMessage() + ")", ex);
		}
		return readRecords(root, null, "the event");
	}

	private JsonNode parse(String body, String where) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new S3EventException(where + " is not JSON (" + ex.getOriginalMessage() + ")", ex);
		}
	}

	private List<S3EventRecord> readRecords(JsonNode root, @Nullable Function<Integer, String> identifiers,
			String where) {
		JsonNode records = root.isObject() ? root.get("Records") : null;
		if (records == null || !records.isArray()) {
			throw new S3EventException(where + " is not an S3 event: it has no \"Records\" array");
		}
		List<S3EventRecord> result = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			result.add(readRecord(records.get(i), identifiers, where + ", Records[" + i + "]", i));
		}
		return result;
	}

	private S3EventRecord readRecord(JsonNode record, @Nullable Function<Integer, String> identifiers, String where,
			int index) {
		String source = text(record, "eventSource");
		if (!"aws:s3".equals(source)) {
			throw new S3EventException(where + " has event source '" + source + "', not 'aws:s3'");
		}
		JsonNode s3 = required(record, "s3", where);
		JsonNode bucket = required(s3, "bucket", where + ".s3");
		JsonNode object = required(s3, "object", where + ".s3");
		String bucketName = requiredText(bucket, "name", where + ".s3.bucket");
		String encodedKey = requiredText(object, "key", where + ".s3.object");
		String key;
		try {
			key = URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new S3EventException(where + ".s3.object.key is not URL-encoded as S3 sends keys", ex);
		}
		JsonNode size = object.get("size");
		String sequencer = text(object, "sequencer");
		JsonNode identity = record.get("userIdentity");
		String identifier = (identifiers != null) ? identifiers.apply(index)
				: bucketName + "/" + encodedKey + ((sequencer != null) ? "@" + sequencer : "");
		return new S3EventRecord(identifier, requiredText(record, "eventName", where),
				eventTime(requiredText(record, "eventTime", where), where), bucketName, key,
				(size != null && size.isNumber()) ? size.asLong() : 0, text(object, "eTag"), text(object, "versionId"),
				sequencer, (identity != null) ? text(identity, "principalId") : null, text(record, "awsRegion"));
	}

	private static Instant eventTime(String text, String where) {
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notLocal) {
				throw new S3EventException(where + ".eventTime '" + text + "' is not an ISO-8601 time", notLocal);
			}
		}
	}

	private static JsonNode required(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || !value.isObject()) {
			throw new S3EventException(where + " has no \"" + field + "\" object");
		}
		return value;
	}

	private static String requiredText(JsonNode node, String field, String where) {
		String value = text(node, field);
		if (value == null) {
			throw new S3EventException(where + " has no \"" + field + "\"");
		}
		return value;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
