package dev.tributary.benchmarks.report;

import java.util.Map;
import java.util.function.Function;

/**
 * The B0, B1 and S cells of a row, from results by variant id.
 *
 * @param b0 the B0 cell
 * @param b1 the B1 cell
 * @param s the S cell
 * @author Tributary
 */
public record Cells(String b0, String b1, String s) {

	/**
	 * Take one value per variant and format it.
	 * @param <R> the result type
	 * @param results results by variant id
	 * @param value the value of a result
	 * @return the cells
	 */
	public static <R> Cells of(Map<String, R> results, Function<R, Double> value) {
		return new Cells(cell(results, "B0", value), cell(results, "B1", value), cell(results, "S", value));
	}

	/**
	 * One variant's value.
	 * @param <R> the result type
	 * @param results results by variant id
	 * @param id the variant
	 * @param value the value of a result
	 * @return the value, or {@code NaN} when the variant was not measured
	 */
	public static <R> double value(Map<String, R> results, String id, Function<R, Double> value) {
		R result = results.get(id);
		return (result != null) ? value.apply(result) : Double.NaN;
	}

	private static <R> String cell(Map<String, R> results, String id, Function<R, Double> value) {
		return ResultTable.number(value(results, id, value));
	}

}
