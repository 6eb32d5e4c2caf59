package dev.tributary.dynamodb;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.dynamodb.DynamoDbStreamEvent.MalformedRecord;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

import org.springframework.util.Assert;

/**
 * Lambda's DynamoDB Streams event in both directions: reads the event Lambda sends
 * ({@code {"Records": [...]}}) into AWS SDK v2 {@link Record Records} with one streaming pass of
 * Jackson's core parser, and writes a record back in the shape that event gives it (for filter
 * patterns and the failure destination, which see records as Lambda does).
 * <p>
 * The reading contract: every well-formed record is returned; the first malformed record that
 * has a sequence number is returned as {@link DynamoDbStreamEvent#malformed()}, so that it is
 * reported by its own sequence number and the records before it are processed once; the
 * records after it are not returned (Lambda retries them from the reported one). A
 * {@link DynamoDbEventException} is thrown for input that is not JSON, another source's event,
 * a JSON value that is not an event, and a record that has no sequence number to report it by:
 * the invocation then fails as a whole and nothing is checkpointed past. Messages name records
 * by index, sequence number and event id, and fields by path; never values.
 * <p>
 * Deliberately not {@code aws-lambda-java-serialization} and its {@code DynamodbEvent}: that
 * path builds the event reflectively and then still needs converting to the SDK's model, which
 * costs at cold start. Unknown fields are skipped, so new fields in the event do not break it.
 *
 * @author Tributary
 */
public final class DynamoDbEventCodec {

	private static final String RETRY = "the invocation fails as a whole so that Lambda retries the batch and "
			+ "nothing is lost";

	private static final int NAMES_KEPT = 10;

	private final JsonFactory jsonFactory;

	static final String EVENT_SOURCE = EventDescriptions.DYNAMODB;

	/**
	 * Create a codec with a default {@link JsonFactory}.
	 */
	public DynamoDbEventCodec() {
		this(new JsonFactory());
	}

	/**
	 * Create a codec.
	 * @param jsonFactory the factory for the underlying streaming parsers
	 */
	public DynamoDbEventCodec(JsonFactory jsonFactory) {
		Assert.notNull(jsonFactory, "'jsonFactory' must not be null");
		this.jsonFactory = jsonFactory;
	}

	/**
	 * Read one event. The stream is read to the end of the event but not closed.
	 * @param input the event JSON
	 * @return the well-formed records, and the first malformed one
	 * @throws DynamoDbEventException if the input is not a DynamoDB Streams event, or holds
	 * a malformed record that has no sequence number
	 */
	public DynamoDbStreamEvent read(InputStream input) {
		Assert.notNull(input, "'input' must not be null");
		try (JsonParser parser = this.jsonFactory.createParser(ObjectReadContext.empty(), input)) {
			JsonToken first = parser.nextToken();
			if (first != JsonToken.START_OBJECT) {
				throw notAnEvent(EventDescriptions.ofRoot(first));
			}
			Batch batch = null;
			List<String> names = new ArrayList<>();
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				if ("Records".equals(name)) {
					if (token != JsonToken.START_ARRAY) {
						throw notAnEvent("an object whose 'Records' is " + JsonShapes.kind(token) + ", not an array");
					}
					if (batch != null) {
						throw new DynamoDbEventException("The event has 'Records' twice; " + RETRY);
					}
					batch = readRecords(parser);
				}
				else {
					if (names.size() < NAMES_KEPT) {
						names.add(name);
					}
					parser.skipChildren();
				}
			}
			if (batch == null) {
				throw notAnEvent(EventDescriptions.ofObject(names));
			}
			if (parser.nextToken() != null) {
				throw new DynamoDbEventException("The event has content after its end; " + RETRY);
			}
			return new DynamoDbStreamEvent(List.copyOf(batch.records), batch.arns, batch.malformed);
		}
		catch (JacksonException ex) {
			throw notJson(ex);
		}
	}

	/**
	 * Write one record as Lambda's DynamoDB Streams event shows it ({@code eventID},
	 * {@code eventName}, {@code dynamodb.Keys}, {@code dynamodb.NewImage}, ..., attribute values
	 * in DynamoDB JSON). Filter patterns are matched against this shape and the failure
	 * destination receives it; {@link #read} reads it back into an equal record.
	 * @param record the record
	 * @param eventSourceArn the stream's ARN, if known
	 * @return the record's fields, ready to be written as JSON
	 */
	public Map<String, Object> toLambdaRecord(Record record, @Nullable String eventSourceArn) {
		Assert.notNull(record, "'record' must not be null");
		Map<String, Object> map = new LinkedHashMap<>();
		putIfPresent(map, "eventID", record.eventID());
		putIfPresent(map, "eventName", record.eventNameAsString());
		putIfPresent(map, "eventVersion", record.eventVersion());
		map.put("eventSource", (record.eventSource() != null) ? record.eventSource() : EVENT_SOURCE);
		putIfPresent(map, "awsRegion", record.awsRegion());
		if (record.dynamodb() != null) {
			map.put("dynamodb", change(record.dynamodb()));
		}
		putIfPresent(map, "eventSourceARN", eventSourceArn);
		if (record.userIdentity() != null) {
			Map<String, Object> identity = new LinkedHashMap<>();
			putIfPresent(identity, "type", record.userIdentity().type());
			putIfPresent(identity, "principalId", record.userIdentity().principalId());
			map.put("userIdentity", identity);
		}
		return map;
	}

	/**
	 * Write an item image as DynamoDB JSON.
	 * @param image the attributes
	 * @return each attribute as a single-entry map from its type to its value
	 */
	public Map<String, Object> toLambdaImage(Map<String, AttributeValue> image) {
		Assert.notNull(image, "'image' must not be null");
		Map<String, Object> map = new LinkedHashMap<>();
		image.forEach((name, value) -> map.put(name, attribute(value)));
		return map;
	}

	private Map<String, Object> change(StreamRecord change) {
		Map<String, Object> map = new LinkedHashMap<>();
		if (change.approximateCreationDateTime() != null) {
			map.put("ApproximateCreationDateTime", epochSeconds(change.approximateCreationDateTime()));
		}
		if (change.hasKeys()) {
			map.put("Keys", toLambdaImage(change.keys()));
		}
		if (change.hasNewImage()) {
			map.put("NewImage", toLambdaImage(change.newImage()));
		}
		if (change.hasOldImage()) {
			map.put("OldImage", toLambdaImage(change.oldImage()));
		}
		putIfPresent(map, "SequenceNumber", change.sequenceNumber());
		if (change.sizeBytes() != null) {
			map.put("SizeBytes", change.sizeBytes());
		}
		putIfPresent(map, "StreamViewType", change.streamViewTypeAsString());
		return map;
	}

	// Whole seconds as Lambda writes them; a sub-second part, when there is one, is kept.
	private static Object epochSeconds(Instant time) {
		if (time.getNano() == 0) {
			return time.getEpochSecond();
		}
		return BigDecimal.valueOf(time.getEpochSecond()).add(BigDecimal.valueOf(time.getNano(), 9))
			.stripTrailingZeros();
	}

	private Map<String, Object> attribute(AttributeValue value) {
		return switch (value.type()) {
			case S -> Map.of("S", value.s());
			case N -> Map.of("N", value.n());
			case B -> Map.of("B", base64(value.b()));
			case SS -> Map.of("SS", value.ss());
			case NS -> Map.of("NS", value.ns());
			case BS -> Map.of("BS", value.bs().stream().map(DynamoDbEventCodec::base64).toList());
			case M -> Map.of("M", toLambdaImage(value.m()));
			case L -> Map.of("L", list(value.l()));
			case NUL -> Map.of("NULL", true);
			case BOOL -> Map.of("BOOL", value.bool());
			default -> Map.of();
		};
	}

	private List<Object> list(List<AttributeValue> values) {
		List<Object> list = new ArrayList<>(values.size());
		values.forEach((value) -> list.add(attribute(value)));
		return list;
	}

	private static String base64(SdkBytes bytes) {
		return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
	}

	private static void putIfPresent(Map<String, Object> map, String name, @Nullable Object value) {
		if (value != null) {
			map.put(name, value);
		}
	}

	private static Batch readRecords(JsonParser parser) {
		Batch batch = new Batch();
		int index = 0;
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (batch.malformed != null) {
				// Retried from the malformed record anyway; only checked to be JSON.
				parser.skipChildren();
			}
			else if (token != JsonToken.START_OBJECT) {
				throw new DynamoDbEventException("Records[" + index + "] is " + JsonShapes.kind(token)
						+ ", not a record; it has no sequence number to report it by, so " + RETRY);
			}
			else {
				batch.add(StreamRecordReader.read(parser), index);
			}
			index++;
		}
		return batch;
	}

	private static DynamoDbEventException notAnEvent(String looksLike) {
		return new DynamoDbEventException("This looks like " + looksLike
				+ ", not a DynamoDB Streams event ({\"Records\": [...]} with eventSource aws:dynamodb); " + RETRY);
	}

	// Parser messages can quote the input (an unrecognized token); only safe ones are kept.
	private static DynamoDbEventException notJson(JacksonException ex) {
		if (ex instanceof JacksonIOException) {
			return new DynamoDbEventException("The event could not be read; " + RETRY, ex);
		}
		String what = (ex instanceof UnexpectedEndOfInputException) ? "ends early (truncated JSON)"
				: (ex instanceof StreamConstraintsException) ? "exceeds a parser limit (" + ex.getOriginalMessage() + ")"
						: "is not valid JSON";
		String where = (ex.getLocation() != null) ? " at line " + ex.getLocation().getLineNr() + ", column "
				+ ex.getLocation().getColumnNr() : "";
		return new DynamoDbEventException("The event " + what + where + "; " + RETRY);
	}

	private static final class Batch {

		final List<Record> records = new ArrayList<>();

		final List<@Nullable String> arns = new ArrayList<>();

		@Nullable MalformedRecord malformed;

		void add(RecordFields fields, int index) {
			if (fields.eventSource != null && !EventDescriptions.DYNAMODB.equals(fields.eventSource)) {
				String source = EventDescriptions.ofSource(fields.eventSource);
				throw (index == 0) ? notAnEvent(source)
						: new DynamoDbEventException(fields.describe(index) + " is from another source: "
								+ source + "; " + RETRY);
			}
			List<String> problems = fields.problems();
			if (problems.isEmpty()) {
				this.records.add(fields.build());
				this.arns.add(fields.eventSourceArn);
			}
			else if (fields.hasSequenceNumber()) {
				this.malformed = new MalformedRecord(index, fields.sequenceNumber, fields.eventId,
						String.join("; ", problems));
			}
			else {
				throw new DynamoDbEventException(fields.describe(index) + " is malformed ("
						+ String.join("; ", problems) + ") and has no sequence number to report it by, so " + RETRY);
			}
		}

	}

}
