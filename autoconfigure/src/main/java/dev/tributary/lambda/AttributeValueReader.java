package dev.tributary.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

/**
 * Reads DynamoDB attribute values in their JSON wire form ({@code {"S": "text"}},
 * {@code {"M": {...}}}, ...) from a streaming parser, straight into the SDK's
 * {@link AttributeValue}, without building an intermediate tree.
 *
 * @author Tributary
 */
final class AttributeValueReader {

	private AttributeValueReader() {
	}

	/**
	 * Read an item image: the parser is on the {@code START_OBJECT} of
	 * {@code {"name": {"S": "..."}, ...}} and is left on its {@code END_OBJECT}.
	 * @param parser the parser
	 * @return the attributes, in document order
	 */
	static Map<String, AttributeValue> readImage(JsonParser parser) {
		expect(parser, JsonToken.START_OBJECT);
		Map<String, AttributeValue> image = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			image.put(name, readValue(parser));
		}
		return image;
	}

	private static AttributeValue readValue(JsonParser parser) {
		expect(parser, JsonToken.START_OBJECT);
		String type = parser.nextName();
		if (type == null) {
			throw new StreamReadException(parser, "Attribute value has no type");
		}
		JsonToken token = parser.nextToken();
		AttributeValue value = switch (type) {
			case "S" -> AttributeValue.fromS(parser.getString());
			case "N" -> AttributeValue.fromN(parser.getString());
			case "B" -> AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(parser.getBinaryValue()));
			case "BOOL" -> AttributeValue.fromBool(token == JsonToken.VALUE_TRUE);
			case "NULL" -> AttributeValue.fromNul(token == JsonToken.VALUE_TRUE);
			case "SS" -> AttributeValue.fromSs(readStrings(parser));
			case "NS" -> AttributeValue.fromNs(readStrings(parser));
			case "BS" -> AttributeValue.fromBs(readBinaries(parser));
			case "M" -> AttributeValue.fromM(readImage(parser));
			case "L" -> AttributeValue.fromL(readList(parser));
			default -> throw new StreamReadException(parser, "Unknown attribute value type '" + type + "'");
		};
		if (parser.nextToken() != JsonToken.END_OBJECT) {
			throw new StreamReadException(parser, "Attribute value has more than one type");
		}
		return value;
	}

	private static List<String> readStrings(JsonParser parser) {
		expect(parser, JsonToken.START_ARRAY);
		List<String> values = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			values.add(parser.getString());
		}
		return values;
	}

	private static List<SdkBytes> readBinaries(JsonParser parser) {
		expect(parser, JsonToken.START_ARRAY);
		List<SdkBytes> values = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			values.add(SdkBytes.fromByteArrayUnsafe(parser.getBinaryValue()));
		}
		return values;
	}

	private static List<AttributeValue> readList(JsonParser parser) {
		expect(parser, JsonToken.START_ARRAY);
		List<AttributeValue> values = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			values.add(readValue(parser));
		}
		return values;
	}

	static void expect(JsonParser parser, JsonToken expected) {
		if (parser.currentToken() != expected) {
			throw new StreamReadException(parser,
					"Expected " + expected + " but found " + parser.currentToken());
		}
	}

}
