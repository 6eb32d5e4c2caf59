package dev.tributary.lambda;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.lambda.DynamoDbStreamEvent.MalformedRecord;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;
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
 * Parses the DynamoDB Streams event Lambda sends ({@code {"Records": [...]}}) into AWS SDK v2
 * {@link Record Records} with one streaming pass of Jackson's core parser.
 * <p>
 * The input contract: every well-formed record is returned; the first malformed record that has
 * a sequence number is returned as {@link DynamoDbStreamEvent#malformed()}, so that it is
 * reported by its own sequence number and the records before it are processed once; the
 * records after it are not returned (Lambda retries them from the reported one). A
 * {@link DynamoDbStreamEventException} is thrown for input that is not JSON, another source's
 * event, a JSON value that is not an event, and a record that has no sequence number to report
 * it by: the invocation then fails as a whole and nothing is checkpointed past. Messages name
 * records by index, sequence number and event id, and fields by path; never values.
 * <p>
 * Deliberately not {@code aws-lambda-java-serialization} and its {@code DynamodbEvent}: that
 * path builds the event reflectively and then still needs converting to the SDK's model, which
 * costs at cold start. Unknown fields are skipped, so new fields in the event do not break it.
 *
 * @author Tributary
 */
public final class DynamoDbStreamEventParser {

	private static final String RETRY = "the invocation fails as a whole so that Lambda retries the batch and "
			+ "nothing is lost";

	private static final int NAMES_KEPT = 10;

	private final JsonFactory jsonFactory;

	/**
	 * Create a parser with a default {@link JsonFactory}.
	 */
	public DynamoDbStreamEventParser() {
		this(new JsonFactory());
	}

	/**
	 * Create a parser.
	 * @param jsonFactory the factory for the underlying streaming parsers
	 */
	public DynamoDbStreamEventParser(JsonFactory jsonFactory) {
		Assert.notNull(jsonFactory, "'jsonFactory' must not be null");
		this.jsonFactory = jsonFactory;
	}

	/**
	 * Parse one event. The stream is read to the end of the event but not closed.
	 * @param input the event JSON
	 * @return the well-formed records, and the first malformed one
	 * @throws DynamoDbStreamEventException if the input is not a DynamoDB Streams event, or holds
	 * a malformed record that has no sequence number
	 */
	public DynamoDbStreamEvent parse(InputStream input) {
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
						throw new DynamoDbStreamEventException("The event has 'Records' twice; " + RETRY);
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
				throw new DynamoDbStreamEventException("The event has content after its end; " + RETRY);
			}
			return new DynamoDbStreamEvent(List.copyOf(batch.records), batch.arns, batch.malformed);
		}
		catch (JacksonException ex) {
			throw notJson(ex);
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
				throw new DynamoDbStreamEventException("Records[" + index + "] is " + JsonShapes.kind(token)
						+ ", not a record; it has no sequence number to report it by, so " + RETRY);
			}
			else {
				batch.add(StreamRecordReader.read(parser), index);
			}
			index++;
		}
		return batch;
	}

	private static DynamoDbStreamEventException notAnEvent(String looksLike) {
		return new DynamoDbStreamEventException("This looks like " + looksLike
				+ ", not a DynamoDB Streams event ({\"Records\": [...]} with eventSource aws:dynamodb); " + RETRY);
	}

	// Parser messages can quote the input (an unrecognized token); only safe ones are kept.
	private static DynamoDbStreamEventException notJson(JacksonException ex) {
		if (ex instanceof JacksonIOException) {
			return new DynamoDbStreamEventException("The event could not be read; " + RETRY, ex);
		}
		String what = (ex instanceof UnexpectedEndOfInputException) ? "ends early (truncated JSON)"
				: (ex instanceof StreamConstraintsException) ? "exceeds a parser limit (" + ex.getOriginalMessage() + ")"
						: "is not valid JSON";
		String where = (ex.getLocation() != null) ? " at line " + ex.getLocation().getLineNr() + ", column "
				+ ex.getLocation().getColumnNr() : "";
		return new DynamoDbStreamEventException("The event " + what + where + "; " + RETRY);
	}

	private static final class Batch {

		final List<Record> records = new ArrayList<>();

		final List<@Nullable String> arns = new ArrayList<>();

		@Nullable MalformedRecord malformed;

		void add(RecordFields fields, int index) {
			if (fields.eventSource != null && !EventDescriptions.DYNAMODB.equals(fields.eventSource)) {
				String source = EventDescriptions.ofSource(fields.eventSource);
				throw (index == 0) ? notAnEvent(source)
						: new DynamoDbStreamEventException(fields.describe(index) + " is from another source: "
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
				throw new DynamoDbStreamEventException(fields.describe(index) + " is malformed ("
						+ String.join("; ", problems) + ") and has no sequence number to report it by, so " + RETRY);
			}
		}

	}

}
