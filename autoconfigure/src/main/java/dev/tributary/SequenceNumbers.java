package dev.tributary;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders DynamoDB and Kinesis sequence numbers, which are decimal strings of varying length:
 * they must be compared as numbers.
 *
 * @author Tributary
 */
public final class SequenceNumbers {

	/** Numeric order of sequence numbers. */
	public static final Comparator<String> ORDER = SequenceNumbers::compare;

	private SequenceNumbers() {
	}

	/**
	 * Compare two sequence numbers numerically.
	 * @param a the first sequence number
	 * @param b the second sequence number
	 * @return a negative number, zero or a positive number as {@code a} is lower, equal or higher
	 */
	public static int compare(String a, String b) {
		if (a.length() != b.length() && isDigits(a) && isDigits(b)) {
			return new BigInteger(a).compareTo(new BigInteger(b));
		}
		return a.compareTo(b);
	}

	private static boolean isDigits(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (!Character.isDigit(value.charAt(i))) {
				return false;
			}
		}
		return !value.isEmpty();
	}

}
