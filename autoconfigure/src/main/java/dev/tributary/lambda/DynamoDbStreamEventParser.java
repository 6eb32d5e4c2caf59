package dev.tributary.lambda;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import org.springframework.util.Assert;

/**
 * Parses the DynamoDB Streams event Lambda sends ({@code {"Records": [...]}}) into AWS SDK v2
 * {@link Record Records} with one streaming pass of Jackson's core parser.
 * <p>
 * Deliberately not {@code aws-lambda-java-serialization} and its {@code DynamodbEvent}: that
 * path builds the event reflectively and then still needs converting to the SDK's model, which
 * costs at cold start. Unknown fields are skipped, so new fields in the event do not break it.
 *
 * @author Tributary
 */
public final class DynamoDbStreamEventParser {

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
	 * @return the records
	 * @throws tools.jackson.core.JacksonException if the input is not a valid event
	 */
	public DynamoDbStreamEvent parse(InputStream input) {
		Assert.notNull(input, "'input' must not be null");
		List<Record> records = new ArrayList<>();
		List<@Nullable String> arns = new ArrayList<>();
		try (JsonParser parser = this.jsonFactory.createParser(ObjectReadContext.empty(), input)) {
			parser.nextToken();
			AttributeValueReader.expect(parser, JsonToken.START_OBJECT);
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				if ("Records".equals(name) && token == JsonToken.START_ARRAY) {
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						readRecord(parser, records, arns);
					}
				}
				else {
					parser.skipChildren();
				}
			}
		}
		return new DynamoDbStreamEvent(List.copyOf(records), arns);
	}

	private static void readRecord(JsonParser parser, List<Record> records, List<@Nullable String> arns) {
		Record.Builder record = Record.builder();
		String arn = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.VALUE_NULL) {
				continue;
			}
			switch (name) {
				case "eventID" -> record.eventID(parser.getString());
				case "eventName" -> record.eventName(parser.getString());
				case "eventVersion" -> record.eventVersion(parser.getString());
				case "eventSource" -> record.eventSource(parser.getString());
				case "awsRegion" -> record.awsRegion(parser.getString());
				case "eventSourceARN" -> arn = parser.getString();
				case "dynamodb" -> record.dynamodb(readChange(parser));
				case "userIdentity" -> record.userIdentity(readIdentity(parser));
				default -> parser.skipChildren();
			}
		}
		records.add(record.build());
		arns.add(arn);
	}

	private static StreamRecord readChange(JsonParser parser) {
		AttributeValueReader.expect(parser, JsonToken.START_OBJECT);
		StreamRecord.Builder change = StreamRecord.builder();
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.VALUE_NULL) {
				continue;
			}
			switch (name) {
				case "ApproximateCreationDateTime" -> change.approximateCreationDateTime(toInstant(parser));
				case "Keys" -> change.keys(AttributeValueReader.readImage(parser));
				case "NewImage" -> change.newImage(AttributeValueReader.readImage(parser));
				case "OldImage" -> change.oldImage(AttributeValueReader.readImage(parser));
				case "SequenceNumber" -> change.sequenceNumber(parser.getString());
				case "SizeBytes" -> change.sizeBytes(parser.getLongValue());
				case "StreamViewType" -> change.streamViewType(parser.getString());
				default -> parser.skipChildren();
			}
		}
		return change.build();
	}

	private static Identity readIdentity(JsonParser parser) {
		AttributeValueReader.expect(parser, JsonToken.START_OBJECT);
		Identity.Builder identity = Identity.builder();
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "type" -> identity.type(parser.getValueAsString());
				case "principalId" -> identity.principalId(parser.getValueAsString());
				default -> parser.skipChildren();
			}
		}
		return identity.build();
	}

	// Epoch seconds, fractional in events from some sources: keep the sub-second part.
	private static Instant toInstant(JsonParser parser) {
		if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
			return Instant.ofEpochSecond(parser.getLongValue());
		}
		BigDecimal seconds = parser.getDecimalValue();
		long whole = seconds.longValue();
		long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
		return Instant.ofEpochSecond(whole, nanos);
	}

}
