package dev.tributary.kinesis;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The fields of one record of Lambda's Kinesis event, read leniently: a field of the wrong shape
 * is noted as a problem (by name, never by value) and skipped whole, so one bad record never
 * ends the parse of the ones after it.
 *
 * @author Tributary
 */
final class KinesisRecordFields {

	@Nullable String eventSource;

	@Nullable String eventId;

	@Nullable String eventSourceArn;

	@Nullable String sequenceNumber;

	@Nullable String partitionKey;

	@Nullable String data;

	@Nullable Instant arrival;

	final List<String> problems = new ArrayList<>();

	/** Reads the fields of the object the parser is at the start of, up to its end. */
	static KinesisRecordFields read(JsonParser parser) {
		KinesisRecordFields fields = new KinesisRecordFields();
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "eventSource" -> fields.eventSource = fields.text(parser, name);
				case "eventID" -> fields.eventId = fields.text(parser, name);
				case "eventSourceARN" -> fields.eventSourceArn = fields.text(parser, name);
				case "kinesis" -> fields.readKinesis(parser);
				default -> parser.skipChildren();
			}
		}
		return fields;
	}

	private void readKinesis(JsonParser parser) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			mismatch(parser, "kinesis", "an object");
			return;
		}
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "sequenceNumber" -> this.sequenceNumber = text(parser, "kinesis.sequenceNumber");
				case "partitionKey" -> this.partitionKey = text(parser, "kinesis.partitionKey");
				case "data" -> this.data = text(parser, "kinesis.data");
				case "approximateArrivalTimestamp" -> this.arrival = instant(parser);
				default -> parser.skipChildren();
			}
		}
	}

	/** The problems with the fields a record must have, or none. */
	List<String> missing() {
		List<String> missing = new ArrayList<>(this.problems);
		if (this.partitionKey == null) {
			missing.add("kinesis.partitionKey is missing");
		}
		if (this.data == null) {
			missing.add("kinesis.data is missing");
		}
		return missing;
	}

	byte @Nullable [] decodedData() {
		try {
			return (this.data != null) ? Base64.getDecoder().decode(this.data) : null;
		}
		catch (IllegalArgumentException ex) {
			this.problems.add("kinesis.data is not Base64 (" + ex.getMessage() + ")");
			return null;
		}
	}

	@Nullable String shardId() {
		String id = this.eventId;
		int colon = (id != null) ? id.indexOf(':') : -1;
		return (colon > 0) ? id.substring(0, colon) : null;
	}

	private @Nullable String text(JsonParser parser, String field) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		if (token != JsonToken.VALUE_NULL) {
			mismatch(parser, field, "a string");
		}
		return null;
	}

	private @Nullable Instant instant(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
			BigDecimal seconds = parser.getDecimalValue();
			if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Instant.MAX.getEpochSecond())) > 0) {
				this.problems.add("kinesis.approximateArrivalTimestamp is out of range");
				return null;
			}
			long whole = seconds.longValue();
			return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
		}
		if (token != JsonToken.VALUE_NULL) {
			mismatch(parser, "kinesis.approximateArrivalTimestamp", "a number of seconds");
		}
		return null;
	}

	private void mismatch(JsonParser parser, String field, String expected) {
		this.problems.add(field + " is a JSON " + EventShapes.kind(parser.currentToken()) + ", not " + expected);
		parser.skipChildren();
	}

}
