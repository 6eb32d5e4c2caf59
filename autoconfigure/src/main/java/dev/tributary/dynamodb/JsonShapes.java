package dev.tributary.dynamodb;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Small helpers for saying what shape a JSON value has, and for getting a streaming parser back
 * to a known place after a value of the wrong shape.
 *
 * @author Tributary
 */
final class JsonShapes {

	private JsonShapes() {
	}

	/**
	 * A wrong-shape problem: {@code expected a string, found a JSON object}.
	 * @param token the token found
	 * @param expected what was expected, in words
	 * @return the exception to throw
	 */
	static MalformedFieldException found(@Nullable JsonToken token, String expected) {
		return new MalformedFieldException("expected " + expected + ", found " + kind(token));
	}

	/**
	 * The kind of JSON value a token starts, in words.
	 * @param token the token
	 * @return e.g. {@code a JSON object}
	 */
	static String kind(@Nullable JsonToken token) {
		if (token == null) {
			return "nothing";
		}
		return switch (token) {
			case START_OBJECT -> "a JSON object";
			case START_ARRAY -> "a JSON array";
			case VALUE_STRING -> "a JSON string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
			case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

	/**
	 * Skip what is left of the value the parser is in, up to the container at {@code depth}: after
	 * this the parser is on the last token of a value directly inside that container.
	 * @param parser the parser
	 * @param depth the nesting depth of the container to return to
	 */
	static void skipTo(JsonParser parser, int depth) {
		while (parser.streamReadContext().getNestingDepth() > depth) {
			if (parser.nextToken() == null) {
				return;
			}
		}
	}

	/**
	 * Whether a field name or enum text is short and plain enough to quote in a message: a
	 * malformed event may put data where a name belongs, and messages never carry data.
	 * @param text the text
	 * @return whether it is at most 16 characters of {@code A-Z}, {@code a-z}, {@code 0-9},
	 * {@code :}, {@code _}, {@code .} or {@code -}
	 */
	static boolean isTypeLike(String text) {
		if (text.isEmpty() || text.length() > 16) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':'
					|| c == '_' || c == '.' || c == '-';
			if (!plain) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A short plain text quoted, or a neutral phrase when it is not plain.
	 * @param text the text
	 * @return {@code 'text'} or {@code (a value that is not shown)}
	 */
	static String quoted(String text) {
		return isTypeLike(text) ? "'" + text + "'" : "(a value that is not shown)";
	}

}
