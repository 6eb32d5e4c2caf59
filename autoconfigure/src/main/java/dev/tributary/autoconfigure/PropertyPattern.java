package dev.tributary.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One valid property name, as the configuration metadata describes it: literal elements in their
 * dashed form, a map key standing for any one element, the keys of a map of plain values
 * standing for anything below, and an optional list index at the end. Names are compared in
 * their uniform form (lower case, no dashes or underscores), as Spring Boot binds them.
 *
 * @author Tributary
 */
final class PropertyPattern {

	/** Any one element: the key of a map of objects ({@code processors.<name>}). */
	static final String ANY = "*";

	/** Any one or more elements: the keys of a map of plain values. */
	static final String REST = "**";

	private final List<String> elements;

	private final List<String> uniform;

	private final boolean indexed;

	/**
	 * Create a pattern.
	 * @param elements the dashed elements, each a literal, {@link #ANY} or {@link #REST}
	 * @param indexed whether a list index may follow the last element
	 */
	PropertyPattern(List<String> elements, boolean indexed) {
		this.elements = List.copyOf(elements);
		this.uniform = this.elements.stream().map(PropertyPattern::uniform).toList();
		this.indexed = indexed;
	}

	List<String> elements() {
		return this.elements;
	}

	@Override
	public String toString() {
		return String.join(".", this.elements).replace("**", "<key>").replace("*", "<name>")
				+ (this.indexed ? "[<index>]" : "");
	}

	/**
	 * Whether a property name, given as its uniform elements, is this pattern.
	 * @param name the name's elements (lower case, no dashes)
	 * @param relaxed whether one pattern element may be spread over several name elements, as in
	 * environment variables, where {@code POLL_INTERVAL} stands for {@code poll-interval}
	 * @return whether the name matches
	 */
	boolean matches(List<String> name, boolean relaxed) {
		return matches(name, 0, 0, relaxed);
	}

	private boolean matches(List<String> name, int n, int p, boolean relaxed) {
		if (p == this.elements.size()) {
			return n == name.size() || (this.indexed && n == name.size() - 1 && isIndex(name.get(n)));
		}
		if (n == name.size()) {
			return false;
		}
		String element = this.uniform.get(p);
		if (REST.equals(element)) {
			return true;
		}
		if (ANY.equals(element)) {
			for (int end = n + 1; end <= (relaxed ? name.size() : n + 1); end++) {
				if (matches(name, end, p + 1, relaxed)) {
					return true;
				}
			}
			return false;
		}
		StringBuilder joined = new StringBuilder();
		for (int end = n; end < (relaxed ? name.size() : n + 1); end++) {
			joined.append(name.get(end));
			if (joined.length() >= element.length()) {
				return element.contentEquals(joined) && matches(name, end + 1, p + 1, relaxed);
			}
			if (!element.startsWith(joined.toString())) {
				return false;
			}
		}
		return false;
	}

	/**
	 * This pattern as a property name for a user's name: map keys are taken from the user's name
	 * where it has them, so {@code tributary.processors.logItems.batch-szie} is compared with
	 * {@code tributary.processors.logItems.batch-size}.
	 * @param name the user's name's elements as written
	 * @return the concrete name
	 */
	String instantiate(List<String> name) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < this.elements.size(); i++) {
			String element = this.elements.get(i);
			if (ANY.equals(element)) {
				parts.add((i < name.size()) ? name.get(i) : "<name>");
			}
			else if (REST.equals(element)) {
				parts.add("<key>");
			}
			else {
				parts.add(element);
			}
		}
		return String.join(".", parts);
	}

	private static boolean isIndex(String element) {
		return !element.isEmpty() && element.chars().allMatch(Character::isDigit);
	}

	static String uniform(String element) {
		if (ANY.equals(element) || REST.equals(element)) {
			return element;
		}
		StringBuilder uniform = new StringBuilder(element.length());
		for (char c : element.toLowerCase(Locale.ROOT).toCharArray()) {
			if (c != '-' && c != '_') {
				uniform.append(c);
			}
		}
		return uniform.toString();
	}

}
