package dev.tributary.kinesis;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a payload as JSON for event filtering, which needs plain maps and lists.
 *
 * @author Tributary
 */
final class PayloadJson {

	private static final JsonMapper json = JsonMapper.builder().build();

	private PayloadJson() {
	}

	/** The payload as maps, lists and scalars, or {@code null} when it is not a JSON object. */
	static @Nullable Object parse(byte[] data) {
		if (data.length == 0 || data[firstNonBlank(data)] != '{') {
			return null;
		}
		try {
			return json.readValue(data, Map.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static int firstNonBlank(byte[] data) {
		int i = 0;
		while (i < data.length - 1 && Character.isWhitespace(data[i])) {
			i++;
		}
		return i;
	}

}
