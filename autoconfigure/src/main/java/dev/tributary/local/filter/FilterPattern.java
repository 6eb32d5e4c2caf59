package dev.tributary.local.filter;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One Lambda event filter pattern: nested objects descend into the event, and each leaf is an
 * array of rules, any of which may match. Supported rules: a plain value (exact match),
 * {@code {"prefix": "..."}}, {@code {"exists": true|false}}, {@code {"anything-but": value or
 * [values]}} and {@code {"numeric": ["=", n]}} style comparisons. Everything else is rejected
 * when the pattern is compiled, so a filter never silently lets everything through.
 *
 * @author Tributary
 */
final class FilterPattern {

	private final Map<String, Object> pattern;

	FilterPattern(Map<String, Object> pattern) {
		validate(pattern, "");
		this.pattern = pattern;
	}

	boolean matches(Map<String, Object> event) {
		return matchesObject(this.pattern, event);
	}

	@SuppressWarnings("unchecked")
	private static boolean matchesObject(Map<String, Object> pattern, @Nullable Object event) {
		Map<String, Object> fields = (event instanceof Map) ? (Map<String, Object>) event : Map.of();
		for (Map.Entry<String, Object> entry : pattern.entrySet()) {
			Object value = fields.get(entry.getKey());
			if (entry.getValue() instanceof Map<?, ?> nested) {
				if (!matchesObject((Map<String, Object>) nested, value)) {
					return false;
				}
			}
			else if (!matchesAny((List<Object>) entry.getValue(), value)) {
				return false;
			}
		}
		return true;
	}

	private static boolean matchesAny(List<Object> rules, @Nullable Object value) {
		for (Object rule : rules) {
			if (matchesRule(rule, value)) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static boolean matchesRule(@Nullable Object rule, @Nullable Object value) {
		if (value instanceof Collection<?> values && !(rule instanceof Map<?, ?> m && m.containsKey("exists"))) {
			return values.stream().anyMatch((element) -> matchesRule(rule, element));
		}
		if (!(rule instanceof Map<?, ?> map)) {
			return value != null && equal(rule, value);
		}
		Map.Entry<String, Object> operator = ((Map<String, Object>) map).entrySet().iterator().next();
		Object operand = operator.getValue();
		return switch (operator.getKey()) {
			case "exists" -> Boolean.TRUE.equals(operand) == (value != null);
			case "prefix" -> value instanceof String text && text.startsWith(String.valueOf(operand));
			case "anything-but" -> value != null && ((operand instanceof List<?> excluded)
					? excluded.stream().noneMatch((candidate) -> equal(candidate, value)) : !equal(operand, value));
			case "numeric" -> value != null && NumericRule.matches((List<Object>) operand, value);
			default -> false;
		};
	}

	private static boolean equal(@Nullable Object rule, Object value) {
		if (rule == null) {
			return false;
		}
		if (rule instanceof Number number && value instanceof String text) {
			return NumericRule.matches(List.of("=", number), text);
		}
		return String.valueOf(rule).equals(String.valueOf(value));
	}

	@SuppressWarnings("unchecked")
	private static void validate(Map<String, Object> pattern, String path) {
		for (Map.Entry<String, Object> entry : pattern.entrySet()) {
			String field = path + entry.getKey();
			if (entry.getValue() instanceof Map<?, ?> nested) {
				validate((Map<String, Object>) nested, field + ".");
			}
			else if (entry.getValue() instanceof List<?> rules) {
				for (Object rule : rules) {
					if (rule instanceof Map<?, ?> operator && (operator.size() != 1
							|| !List.of("exists", "prefix", "anything-but", "numeric").contains(operator.keySet().iterator().next()))) {
						throw new IllegalArgumentException("Unsupported filter rule " + operator + " for '" + field
								+ "': use a value, prefix, exists, anything-but or numeric");
					}
				}
			}
			else {
				throw new IllegalArgumentException(
						"Filter pattern field '" + field + "' must be an object or an array of rules");
			}
		}
	}

}
