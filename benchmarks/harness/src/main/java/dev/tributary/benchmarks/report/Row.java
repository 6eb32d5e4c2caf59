package dev.tributary.benchmarks.report;

/**
 * One line of the results table.
 *
 * @param section which benchmark (1 to 4)
 * @param measure what is measured, with its unit
 * @param b0 the plain handler's value, or the hand-written mapping's
 * @param b1 the plain Spring Cloud Function app's value, or the Enhanced Client's
 * @param s Tributary's value
 * @param comparison S against its baseline, as the target states it
 * @param target the target, if any
 * @param verdict whether the target is met, and by how much it is missed
 * @author Tributary
 */
public record Row(String section, String measure, String b0, String b1, String s, String comparison, String target,
		String verdict) {

	/** Cell text for a value that was not measured. */
	public static final String NOT_MEASURED = "n/a";

}
