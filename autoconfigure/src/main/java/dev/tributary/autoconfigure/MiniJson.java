package dev.tributary.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A small strict JSON reader for configuration metadata: objects become maps, arrays lists,
 * strings strings, and numbers, booleans and {@code null} their text. Spring Boot's
 * {@code BasicJsonParser} misreads descriptions holding commas and quotes, and Jackson is optional.
 *
 * @author Tributary
 */
final class MiniJson {

	private final String text;

	private int position;

	private MiniJson(String text) {
		this.text = text;
	}

	/**
	 * Read a JSON document.
	 * @param text the document
	 * @return its value
	 * @throws IllegalArgumentException if the text is not JSON
	 */
	static @Nullable Object read(String text) {
		MiniJson json = new MiniJson(text);
		Object value = json.value();
		json.skipWhitespace();
		if (json.position != text.length()) {
			throw json.error("end of document");
		}
		return value;
	}

	private @Nullable Object value() {
		skipWhitespace();
		if (this.position >= this.text.length()) {
			throw error("a value");
		}
		char c = this.text.charAt(this.position);
		if (c == '{') {
			return object();
		}
		if (c == '[') {
			return array();
		}
		if (c == '"') {
			return string();
		}
		int start = this.position;
		while (this.position < this.text.length() && ",}] \t\r\n".indexOf(this.text.charAt(this.position)) < 0) {
			this.position++;
		}
		String literal = this.text.substring(start, this.position);
		if (literal.isEmpty()) {
			throw error("a value");
		}
		return literal.equals("null") ? null : literal;
	}

	private Map<String, @Nullable Object> object() {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		this.position++;
		if (next() == '}') {
			this.position++;
			return object;
		}
		while (true) {
			if (next() != '"') {
				throw error("a member name");
			}
			String name = string();
			expect(':');
			object.put(name, value());
			if (next() == ',') {
				this.position++;
				continue;
			}
			expect('}');
			return object;
		}
	}

	private List<@Nullable Object> array() {
		List<@Nullable Object> array = new ArrayList<>();
		this.position++;
		if (next() == ']') {
			this.position++;
			return array;
		}
		while (true) {
			array.add(value());
			if (next() == ',') {
				this.position++;
				continue;
			}
			expect(']');
			return array;
		}
	}

	private String string() {
		StringBuilder string = new StringBuilder();
		this.position++;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position++);
			if (c == '"') {
				return string.toString();
			}
			if (c == '\\' && this.position < this.text.length()) {
				char escaped = this.text.charAt(this.position++);
				switch (escaped) {
					case 'n' -> string.append('\n');
					case 't' -> string.append('\t');
					case 'r' -> string.append('\r');
					case 'b' -> string.append('\b');
					case 'f' -> string.append('\f');
					case 'u' -> {
						string.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
						this.position += 4;
					}
					default -> string.append(escaped);
				}
			}
			else {
				string.append(c);
			}
		}
		throw error("the end of a string");
	}

	private char next() {
		skipWhitespace();
		if (this.position >= this.text.length()) {
			throw error("more");
		}
		return this.text.charAt(this.position);
	}

	private void expect(char c) {
		if (next() != c) {
			throw error("'" + c + "'");
		}
		this.position++;
	}

	private void skipWhitespace() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private IllegalArgumentException error(String expected) {
		return new IllegalArgumentException("Expected " + expected + " at offset " + this.position);
	}

}
