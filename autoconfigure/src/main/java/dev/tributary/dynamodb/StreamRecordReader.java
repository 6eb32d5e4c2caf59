package dev.tributary.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;

import software.amazon.awssdk.services.dynamodb.model.Identity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one element of a DynamoDB Streams event's {@code Records} into {@link RecordFields}.
 * <p>
 * A field of the wrong shape does not end the read: it is noted as a problem of the record, the
 * parser skips to the end of that field, and the other fields (the sequence number above all)
 * are still read. Only JSON that is not JSON at all stops it.
 *
 * @author Tributary
 */
final class StreamRecordReader {

	// Instant's range in epoch seconds has 17 digits.
	private static final int MAX_SECONDS_DIGITS = 17;

	private StreamRecordReader() {
	}

	/**
	 * Read a record: the parser is on its {@code START_OBJECT} and is left on its
	 * {@code END_OBJECT}.
	 * @param parser the parser
	 * @return what the record holds
	 */
	static RecordFields read(JsonParser parser) {
		RecordFields fields = new RecordFields();
		int depth = parser.streamReadContext().getNestingDepth();
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.VALUE_NULL) {
				continue;
			}
			try {
				readField(parser, name, token, fields);
			}
			catch (MalformedFieldException ex) {
				fields.problem(ex.in(name).describe());
				JsonShapes.skipTo(parser, depth);
			}
		}
		return fields;
	}

	private static void readField(JsonParser parser, String name, JsonToken token, RecordFields fields) {
		switch (name) {
			case "eventID" -> {
				fields.eventId = text(parser, token);
				fields.record.eventID(fields.eventId);
			}
			case "eventName" -> {
				fields.eventName = text(parser, token);
				fields.record.eventName(fields.eventName);
			}
			case "eventVersion" -> fields.record.eventVersion(text(parser, token));
			case "eventSource" -> {
				fields.eventSource = text(parser, token);
				fields.record.eventSource(fields.eventSource);
			}
			// SNS spells it this way; read only to say what the event looks like.
			case "EventSource" -> fields.eventSource = text(parser, token);
			case "awsRegion" -> fields.record.awsRegion(text(parser, token));
			case "eventSourceARN" -> fields.eventSourceArn = text(parser, token);
			case "dynamodb" -> readChange(parser, token, fields);
			case "userIdentity" -> fields.record.userIdentity(readIdentity(parser, token));
			default -> parser.skipChildren();
		}
	}

	private static void readChange(JsonParser parser, JsonToken token, RecordFields fields) {
		if (token != JsonToken.START_OBJECT) {
			throw JsonShapes.found(token, "an object");
		}
		fields.hasChange = true;
		int depth = parser.streamReadContext().getNestingDepth();
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			if (value == JsonToken.VALUE_NULL) {
				continue;
			}
			try {
				readChangeField(parser, name, value, fields);
			}
			catch (MalformedFieldException ex) {
				fields.problem(ex.in(name).in("dynamodb").describe());
				JsonShapes.skipTo(parser, depth);
			}
		}
	}

	private static void readChangeField(JsonParser parser, String name, JsonToken token, RecordFields fields) {
		switch (name) {
			case "ApproximateCreationDateTime" -> fields.change.approximateCreationDateTime(toInstant(parser, token));
			case "Keys" -> {
				fields.change.keys(AttributeValueReader.readImage(parser));
				fields.hasKeys = true;
			}
			case "NewImage" -> fields.change.newImage(AttributeValueReader.readImage(parser));
			case "OldImage" -> fields.change.oldImage(AttributeValueReader.readImage(parser));
			case "SequenceNumber" -> {
				fields.sequenceNumber = text(parser, token);
				fields.change.sequenceNumber(fields.sequenceNumber);
			}
			case "SizeBytes" -> fields.change.sizeBytes(toLong(parser, token));
			case "StreamViewType" -> fields.change.streamViewType(text(parser, token));
			default -> parser.skipChildren();
		}
	}

	private static Identity readIdentity(JsonParser parser, JsonToken token) {
		if (token != JsonToken.START_OBJECT) {
			throw JsonShapes.found(token, "an object");
		}
		Identity.Builder identity = Identity.builder();
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			if (value == JsonToken.VALUE_NULL) {
				continue;
			}
			try {
				switch (name) {
					case "type" -> identity.type(text(parser, value));
					case "principalId" -> identity.principalId(text(parser, value));
					default -> parser.skipChildren();
				}
			}
			catch (MalformedFieldException ex) {
				throw ex.in(name);
			}
		}
		return identity.build();
	}

	private static String text(JsonParser parser, JsonToken token) {
		if (token != JsonToken.VALUE_STRING) {
			throw JsonShapes.found(token, "a string");
		}
		return parser.getString();
	}

	private static long toLong(JsonParser parser, JsonToken token) {
		if (token != JsonToken.VALUE_NUMBER_INT) {
			throw JsonShapes.found(token, "a whole number");
		}
		JsonParser.NumberType type = parser.getNumberType();
		if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
			throw new MalformedFieldException("the number is out of range");
		}
		return parser.getLongValue();
	}

	// Epoch seconds, fractional in events from some sources: keep the sub-second part. Numbers
	// are checked by magnitude before any conversion that could be costly (1e-999999999).
	private static Instant toInstant(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return instant(toLong(parser, token), 0);
		}
		if (token != JsonToken.VALUE_NUMBER_FLOAT) {
			throw JsonShapes.found(token, "a number of epoch seconds");
		}
		BigDecimal seconds = decimal(parser);
		long magnitude = (long) seconds.precision() - seconds.scale();
		if (magnitude > MAX_SECONDS_DIGITS) {
			throw new MalformedFieldException("the number is out of range for a time");
		}
		if (magnitude < -9) {
			return Instant.EPOCH;
		}
		long whole = seconds.longValue();
		long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
		return instant(whole, nanos);
	}

	private static Instant instant(long seconds, long nanos) {
		try {
			return Instant.ofEpochSecond(seconds, nanos);
		}
		catch (RuntimeException ex) {
			throw new MalformedFieldException("the number is out of range for a time");
		}
	}

	private static BigDecimal decimal(JsonParser parser) {
		try {
			return parser.getDecimalValue();
		}
		catch (JacksonException | NumberFormatException | ArithmeticException ex) {
			throw new MalformedFieldException("the number cannot be read as a decimal");
		}
	}

}
