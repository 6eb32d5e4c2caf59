package dev.tributary.autoconfigure;

/**
 * A cheap structural check of a Lambda filter pattern, done at startup without a JSON library:
 * balanced braces and brackets outside strings, one top-level object. The local runtime and
 * Lambda itself parse patterns fully.
 *
 * @author Tributary
 */
final class FilterPatternSyntax {

	private FilterPatternSyntax() {
	}

	static boolean isJsonObject(String pattern) {
		String text = pattern.strip();
		if (!text.startsWith("{") || !text.endsWith("}")) {
			return false;
		}
		int depth = 0;
		boolean inString = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
				continue;
			}
			switch (c) {
				case '"' -> inString = true;
				case '{', '[' -> depth++;
				case '}', ']' -> {
					depth--;
					if (depth < 0 || (depth == 0 && i != text.length() - 1)) {
						return false;
					}
				}
				default -> {
				}
			}
		}
		return depth == 0 && !inString;
	}

}
