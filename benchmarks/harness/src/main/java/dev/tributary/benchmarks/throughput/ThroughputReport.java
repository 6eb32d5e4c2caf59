package dev.tributary.benchmarks.throughput;

import java.util.Map;
import java.util.function.Function;

import dev.tributary.benchmarks.report.Cells;
import dev.tributary.benchmarks.report.ResultTable;
import dev.tributary.benchmarks.report.Row;

/**
 * The throughput rows of the table.
 *
 * @author Tributary
 */
public final class ThroughputReport {

	/** Steady-state target: S at least this fraction of B0. */
	static final double MIN_RATIO_TO_PLAIN = 0.9;

	private ThroughputReport() {
	}

	/**
	 * Add the rows of one event size.
	 * @param table the table
	 * @param results results by variant id
	 * @param records records per event
	 */
	public static void addTo(ResultTable table, Map<String, ThroughputResult> results, int records) {
		String prefix = "Throughput, " + records + "-record events, ";
		table.add(row(prefix + "first invoke (records/s)", results, (result) -> result.firstInvoke().median(),
				false));
		table.add(row(prefix + "invokes 2-10 (records/s)", results, (result) -> result.invokesTwoToTen().median(),
				false));
		table.add(row(prefix + "steady state (records/s)", results, (result) -> result.steadyState().median(),
				true));
	}

	private static Row row(String measure, Map<String, ThroughputResult> results,
			Function<ThroughputResult, Double> value, boolean withTarget) {
		Cells cells = Cells.of(results, value);
		double ratio = Cells.value(results, "S", value) / Cells.value(results, "B0", value);
		return new Row("2", measure, cells.b0(), cells.b1(), cells.s(), "S/B0 " + ResultTable.ratio(ratio),
				withTarget ? "S/B0 >= 0.90x" : "",
				withTarget ? ResultTable.atLeast(ratio, MIN_RATIO_TO_PLAIN, "x") : "");
	}

}
