package dev.tributary.local.filter;

import java.math.BigDecimal;
import java.util.List;

/**
 * Lambda's {@code {"numeric": [">", 0, "<=", 5]}} rule: every comparison must hold. DynamoDB
 * numbers arrive as strings ({@code {"N": "5"}}), so both sides are compared as decimals.
 *
 * @author Tributary
 */
final class NumericRule {

	private NumericRule() {
	}

	static boolean matches(List<Object> comparisons, Object value) {
		BigDecimal actual;
		try {
			actual = new BigDecimal(String.valueOf(value));
		}
		catch (NumberFormatException ex) {
			return false;
		}
		for (int i = 0; i + 1 < comparisons.size(); i += 2) {
			int order = actual.compareTo(new BigDecimal(String.valueOf(comparisons.get(i + 1))));
			boolean holds = switch (String.valueOf(comparisons.get(i))) {
				case "=" -> order == 0;
				case "<" -> order < 0;
				case "<=" -> order <= 0;
				case ">" -> order > 0;
				case ">=" -> order >= 0;
				default -> false;
			};
			if (!holds) {
				return false;
			}
		}
		return true;
	}

}
