package dev.tributary.kinesis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.kinesis.KinesisEvent.MalformedRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

import org.springframework.util.Assert;

/**
 * Lambda's Kinesis event in both directions: reads the event Lambda sends into
 * {@link KinesisDataRecord KinesisDataRecords}, and writes a record back in the shape that event
 * gives it (for filter patterns and the failure destination, which see records as Lambda does).
 * <p>
 * The reading contract, shared by every source's codec: every well-formed record is returned or
 * reported; the first malformed record that has a sequence number is returned as
 * {@link KinesisEvent#malformed()} so it is reported by its own sequence number; a record without
 * one, another source's event, or input that is not an event throws a
 * {@link LambdaEventException} that says what the input looks like, so the invocation fails as a
 * whole and nothing is checkpointed past. Field names appear in messages, values never.
 *
 * @author Tributary
 */
public final class KinesisEventCodec {

	static final String EVENT_SOURCE = "aws:kinesis";

	private final JsonFactory jsonFactory;

	/**
	 * Create a codec with a default {@link JsonFactory}.
	 */
	public KinesisEventCodec() {
		this(new JsonFactory());
	}

	/**
	 * Create a codec.
	 * @param jsonFactory the factory for the streaming parsers
	 */
	public KinesisEventCodec(JsonFactory jsonFactory) {
		Assert.notNull(jsonFactory, "'jsonFactory' must not be null");
		this.jsonFactory = jsonFactory;
	}

	/**
	 * Read one event.
	 * @param event the event's JSON
	 * @return the records, and the first malformed one
	 * @throws LambdaEventException if the input is not a Kinesis event, or holds a record that has
	 * no sequence number to report it by
	 */
	public KinesisEvent read(byte[] event) {
		Assert.notNull(event, "'event' must not be null");
		List<KinesisDataRecord> records = new ArrayList<>();
		MalformedRecord malformed = null;
		boolean sawRecords = false;
		try (JsonParser parser = this.jsonFactory.createParser(ObjectReadContext.empty(), event)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw notAKinesisEvent(event);
			}
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				if ("Records".equals(name) && token == JsonToken.START_ARRAY) {
					if (sawRecords) {
						// A second array would hide the first one's malformed record.
						throw new LambdaEventException("The Kinesis event has 'Records' twice; failing the invocation "
								+ "so that Lambda retries the batch");
					}
					sawRecords = true;
					malformed = readRecords(parser, event, records);
				}
				else {
					parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new LambdaEventException("The Kinesis event has content after its end");
			}
		}
		catch (JacksonException ex) {
			throw notJson(ex);
		}
		if (!sawRecords) {
			throw notAKinesisEvent(event);
		}
		return new KinesisEvent(List.copyOf(records), malformed);
	}

	private static @Nullable MalformedRecord readRecords(JsonParser parser, byte[] event,
			List<KinesisDataRecord> records) {
		MalformedRecord malformed = null;
		int index = 0;
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (malformed != null) {
				parser.skipChildren();
			}
			else if (token != JsonToken.START_OBJECT) {
				throw new LambdaEventException("Records[" + index + "] of the Kinesis event is a JSON "
						+ EventShapes.kind(token) + ", not a record; it has no sequence number to report it by, so "
						+ "the invocation fails as a whole and Lambda retries the batch");
			}
			else {
				KinesisRecordFields fields = KinesisRecordFields.read(parser);
				if (fields.eventSource != null && !EVENT_SOURCE.equals(fields.eventSource)) {
					throw notAKinesisEvent(event);
				}
				malformed = add(fields, index, records);
			}
			index++;
		}
		return malformed;
	}

	private static @Nullable MalformedRecord add(KinesisRecordFields fields, int index,
			List<KinesisDataRecord> records) {
		String sequenceNumber = fields.sequenceNumber;
		byte[] data = fields.decodedData();
		List<String> problems = fields.missing();
		if (sequenceNumber == null || sequenceNumber.isBlank()) {
			throw new LambdaEventException("Records[" + index + "] of the Kinesis event has no "
					+ "kinesis.sequenceNumber" + (problems.isEmpty() ? "" : " (and " + String.join("; ", problems) + ")")
					+ "; it cannot be reported by itself, so the invocation fails as a whole and Lambda retries the "
					+ "batch");
		}
		if (!problems.isEmpty() || data == null || fields.partitionKey == null) {
			return new MalformedRecord(index, sequenceNumber, String.join("; ", problems));
		}
		records.add(new KinesisDataRecord(sequenceNumber, 0, fields.partitionKey, null, fields.arrival, data,
				fields.shardId(), fields.eventSourceArn));
		return null;
	}

	// The parser's own messages can quote the input (an unrecognized token is payload content),
	// so neither its message nor the exception itself is passed on: only what kind of error and
	// where.
	private static LambdaEventException notJson(JacksonException ex) {
		String what = (ex instanceof UnexpectedEndOfInputException) ? "ends early (truncated JSON)"
				: (ex instanceof StreamConstraintsException) ? "exceeds a limit of the JSON parser" : "is not valid JSON";
		TokenStreamLocation location = ex.getLocation();
		String where = (location != null) ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
				: "";
		return new LambdaEventException("The event " + what + where
				+ "; failing the invocation so that Lambda retries the batch");
	}

	private static LambdaEventException notAKinesisEvent(byte[] event) {
		return new LambdaEventException("Expected a Kinesis event ({\"Records\": [...]} with event source '"
				+ EVENT_SOURCE + "') but got " + EventShapes.describe(event)
				+ ". Check the function's event source mapping: this function's processor reads a Kinesis stream");
	}

	/**
	 * The record as Lambda's event filtering sees it: Kinesis mappings filter on the {@code data}
	 * key only, so the view is {@code {"data": ...}} with the payload parsed as JSON when it is a
	 * JSON object. Any other payload stays Base64 text, so a pattern on {@code data} fields does
	 * not match it, and Lambda drops the record the same way.
	 * @param record the record
	 * @return the fields filter patterns are matched against
	 */
	public Map<String, Object> toFilterView(KinesisDataRecord record) {
		Assert.notNull(record, "'record' must not be null");
		Object json = PayloadJson.parse(record.data());
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("data", (json != null) ? json : Base64.getEncoder().encodeToString(record.data()));
		return view;
	}

	/**
	 * Write one record as Lambda's Kinesis event shows it.
	 * @param record the record
	 * @param awsRegion the stream's region, if known
	 * @return the record's fields, ready to be written as JSON
	 */
	public Map<String, Object> toLambdaRecord(KinesisDataRecord record, @Nullable String awsRegion) {
		Assert.notNull(record, "'record' must not be null");
		Map<String, Object> kinesis = new LinkedHashMap<>();
		kinesis.put("kinesisSchemaVersion", "1.0");
		kinesis.put("partitionKey", record.partitionKey());
		kinesis.put("sequenceNumber", record.sequenceNumber());
		kinesis.put("data", Base64.getEncoder().encodeToString(record.data()));
		if (record.approximateArrivalTimestamp() != null) {
			kinesis.put("approximateArrivalTimestamp",
					BigDecimal.valueOf(record.approximateArrivalTimestamp().toEpochMilli()).movePointLeft(3));
		}
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("kinesis", kinesis);
		map.put("eventSource", EVENT_SOURCE);
		map.put("eventVersion", "1.0");
		map.put("eventID", ((record.shardId() != null) ? record.shardId() : "") + ":" + record.sequenceNumber());
		map.put("eventName", "aws:kinesis:record");
		if (awsRegion != null) {
			map.put("awsRegion", awsRegion);
		}
		if (record.eventSourceArn() != null) {
			map.put("eventSourceARN", record.eventSourceArn());
		}
		return map;
	}

}
