package dev.tributary.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads DynamoDB attribute values in their JSON wire form ({@code {"S": "text"}},
 * {@code {"M": {...}}}, ...) from a streaming parser, straight into the SDK's
 * {@link AttributeValue}, without building an intermediate tree.
 * <p>
 * A value of the wrong shape raises a {@link MalformedFieldException} naming the attribute path
 * and the shape found, never the value. The parser is then somewhere inside the image; the
 * caller skips to the image's end ({@link JsonShapes#skipTo}). Type keys whose value is
 * {@code null} are ignored, as some marshallers write every type key of a value.
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
	 * @throws MalformedFieldException if the image or one of its values has the wrong shape
	 */
	static Map<String, AttributeValue> readImage(JsonParser parser) {
		expect(parser, JsonToken.START_OBJECT, "an object of attributes");
		Map<String, AttributeValue> image = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			try {
				image.put(name, readValue(parser));
			}
			catch (MalformedFieldException ex) {
				throw ex.in(name);
			}
		}
		return image;
	}

	private static AttributeValue readValue(JsonParser parser) {
		expect(parser, JsonToken.START_OBJECT, "an attribute value object such as {\"S\": ...}");
		@Nullable AttributeValue value = null;
		String type;
		while ((type = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.VALUE_NULL) {
				continue;
			}
			if (value != null) {
				throw new MalformedFieldException("the attribute value has more than one type");
			}
			try {
				value = readTyped(parser, type, token);
			}
			catch (MalformedFieldException ex) {
				throw ex.in(type);
			}
			if (value == null) {
				throw new MalformedFieldException("unknown attribute type " + (isTypeName(type) ? "'" + type + "'"
						: "(a field that is not a DynamoDB type)") + "; expected one of S, N, B, BOOL, NULL, SS, NS, BS, M, L");
			}
		}
		if (value == null) {
			throw new MalformedFieldException("the attribute value has no type");
		}
		return value;
	}

	// Null for an unknown type, whose name stays out of the path: it may be data in the wrong place.
	private static @Nullable AttributeValue readTyped(JsonParser parser, String type, JsonToken token) {
		return switch (type) {
			case "S" -> AttributeValue.fromS(string(parser, token));
			case "N" -> AttributeValue.fromN(string(parser, token));
			case "B" -> AttributeValue.fromB(binary(parser, token));
			case "BOOL" -> AttributeValue.fromBool(bool(token));
			case "NULL" -> AttributeValue.fromNul(bool(token));
			case "SS", "NS" -> {
				List<String> values = readStrings(parser);
				yield type.equals("SS") ? AttributeValue.fromSs(values) : AttributeValue.fromNs(values);
			}
			case "BS" -> AttributeValue.fromBs(readBinaries(parser));
			case "M" -> AttributeValue.fromM(readImage(parser));
			case "L" -> AttributeValue.fromL(readList(parser));
			default -> null;
		};
	}

	private static boolean isTypeName(String type) {
		return !type.isEmpty() && type.length() <= 4 && type.chars().allMatch((c) -> c >= 'A' && c <= 'Z');
	}

	private static String string(JsonParser parser, JsonToken token) {
		if (token != JsonToken.VALUE_STRING) {
			throw JsonShapes.found(token, "a string");
		}
		return parser.getString();
	}

	private static boolean bool(JsonToken token) {
		if (token == JsonToken.VALUE_TRUE) {
			return true;
		}
		if (token == JsonToken.VALUE_FALSE) {
			return false;
		}
		throw JsonShapes.found(token, "true or false");
	}

	private static SdkBytes binary(JsonParser parser, JsonToken token) {
		if (token != JsonToken.VALUE_STRING) {
			throw JsonShapes.found(token, "a Base64 string");
		}
		try {
			return SdkBytes.fromByteArrayUnsafe(parser.getBinaryValue());
		}
		catch (JacksonException ex) {
			throw new MalformedFieldException("not valid Base64");
		}
	}

	private static List<String> readStrings(JsonParser parser) {
		expect(parser, JsonToken.START_ARRAY, "an array of strings");
		List<String> values = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			try {
				values.add(string(parser, token));
			}
			catch (MalformedFieldException ex) {
				throw ex.at(values.size());
			}
		}
		return values;
	}

	private static List<SdkBytes> readBinaries(JsonParser parser) {
		expect(parser, JsonToken.START_ARRAY, "an array of Base64 strings");
		List<SdkBytes> values = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			try {
				values.add(binary(parser, token));
			}
			catch (MalformedFieldException ex) {
				throw ex.at(values.size());
			}
		}
		return values;
	}

	private static List<AttributeValue> readList(JsonParser parser) {
		expect(parser, JsonToken.START_ARRAY, "an array of attribute values");
		List<AttributeValue> values = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			try {
				values.add(readValue(parser));
			}
			catch (MalformedFieldException ex) {
				throw ex.at(values.size());
			}
		}
		return values;
	}

	private static void expect(JsonParser parser, JsonToken expected, String what) {
		@Nullable JsonToken token = parser.currentToken();
		if (token != expected) {
			throw JsonShapes.found(token, what);
		}
	}

}
