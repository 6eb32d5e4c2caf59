package dev.tributary.lambda;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Lambda's {@code StreamsEventResponse} JSON, written directly as bytes: converting an object
 * made Spring Cloud Function's adapter load and run Jackson's serializers on every invocation,
 * the first one included.
 * <p>
 * The item identifier comes from the event, so it is escaped: quotes, backslashes, control
 * characters and unpaired surrogates become JSON escapes, and the response is always valid JSON
 * that carries the identifier unchanged.
 *
 * @author Tributary
 */
final class BatchItemFailuresResponse {

	private static final byte[] SUCCESS = "{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8);

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private BatchItemFailuresResponse() {
	}

	/**
	 * The response for a batch whose records were all processed.
	 * @return {@code {"batchItemFailures":[]}}
	 */
	static byte[] success() {
		return SUCCESS.clone();
	}

	/**
	 * The response that makes Lambda retry from one record.
	 * @param itemIdentifier the record's sequence number
	 * @return {@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}
	 */
	static byte[] failedAt(@Nullable String itemIdentifier) {
		StringBuilder json = new StringBuilder("{\"batchItemFailures\":[{\"itemIdentifier\":\"");
		if (itemIdentifier != null) {
			appendEscaped(json, itemIdentifier);
		}
		return json.append("\"}]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The response that makes Lambda retry exactly some records (a queue's messages).
	 * @param itemIdentifiers the records' identifiers, in order
	 * @return {@code {"batchItemFailures":[{"itemIdentifier":"..."},...]}}
	 */
	static byte[] failed(List<String> itemIdentifiers) {
		StringBuilder json = new StringBuilder("{\"batchItemFailures\":[");
		for (int i = 0; i < itemIdentifiers.size(); i++) {
			json.append((i > 0) ? ",{\"itemIdentifier\":\"" : "{\"itemIdentifier\":\"");
			appendEscaped(json, itemIdentifiers.get(i));
			json.append("\"}");
		}
		return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	// A paired high surrogate takes its low one along; a low one reaching the check is unpaired.
	private static void appendEscaped(StringBuilder json, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20 || c == 0x7f || (Character.isSurrogate(c) && !isPaired(text, i))) {
				json.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
					.append(HEX[c & 0xf]);
			}
			else if (Character.isHighSurrogate(c)) {
				json.append(c).append(text.charAt(++i));
			}
			else {
				json.append(c);
			}
		}
	}

	private static boolean isPaired(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
		}
		return false;
	}

}
