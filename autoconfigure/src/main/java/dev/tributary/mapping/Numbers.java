package dev.tributary.mapping;

import java.math.BigDecimal;

/**
 * The one rule for DynamoDB numbers in schemaless targets ({@code Map<String, Object>} and
 * {@code JsonNode}): a {@link Long} when the number is written as an integer that fits in a
 * {@code long}, otherwise a {@link BigDecimal}. Both are lossless, and the common case (ids,
 * counters, epoch timestamps) gets the cheap, {@code equals}-friendly type.
 *
 * @author Tributary
 */
final class Numbers {

	// 18 digits always fit in a long, so no overflow check is needed below it.
	private static final int SAFE_LONG_DIGITS = 18;

	private Numbers() {
	}

	static Number parse(String number) {
		if (isSafeInteger(number)) {
			return Long.parseLong(number);
		}
		BigDecimal decimal = new BigDecimal(number);
		if (decimal.scale() == 0 && decimal.precision() <= 19) {
			try {
				return decimal.longValueExact();
			}
			catch (ArithmeticException ex) {
				// Beyond the long range: keep the exact value.
			}
		}
		return decimal;
	}

	private static boolean isSafeInteger(String number) {
		int start = (!number.isEmpty() && number.charAt(0) == '-') ? 1 : 0;
		int digits = number.length() - start;
		if (digits == 0 || digits > SAFE_LONG_DIGITS) {
			return false;
		}
		for (int i = start; i < number.length(); i++) {
			char c = number.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
