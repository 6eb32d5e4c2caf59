package dev.tributary.benchmarks.coldstart;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.tributary.benchmarks.report.Cells;
import dev.tributary.benchmarks.report.ResultTable;
import dev.tributary.benchmarks.report.Row;
import dev.tributary.benchmarks.report.Samples;

/**
 * The cold-start and peak-RSS rows of the table.
 *
 * @author Tributary
 */
public final class ColdStartReport {

	/** Cold start target: S at most this many times B1. */
	static final double MAX_RATIO_TO_SPRING = 1.0;

	/** Peak RSS target in megabytes. */
	static final double MAX_PEAK_RESIDENT_MB = 200;

	private ColdStartReport() {
	}

	/**
	 * Add the rows.
	 * @param table the table
	 * @param results results by variant id
	 * @param runs runs per variant
	 */
	public static void addTo(ResultTable table, Map<String, ColdStartResult> results, int runs) {
		double ratio = ratio(results, (result) -> result.toFirstResponse().median());
		table.add(row("1", "Cold start to first response, median of " + runs + " (ms)", results,
				(result) -> result.toFirstResponse().median(), "S/B1 <= 1.00x",
				ResultTable.atMost(ratio, MAX_RATIO_TO_SPRING, "%")));
		table.add(row("1", "Cold start to first response, p90 (ms)", results,
				(result) -> result.toFirstResponse().percentile(90), "", ""));
		table.add(row("1", "  of which handler construction (JVM in main to handler built), median (ms)",
				results, (result) -> result.handlerConstruction().median(), "", ""));
		table.add(row("1", "  of which first invoke, median (ms)", results,
				(result) -> result.firstInvoke().median(), "", ""));
		Function<ColdStartResult, Double> peak = (result) -> result.peakResident().max();
		Cells cells = Cells.of(results, peak);
		double sPeak = Cells.value(results, "S", peak);
		table.add(new Row("4", "Peak RSS (VmHWM) after a 1000-record batch, max of " + runs + " (MB)", cells.b0(),
				cells.b1(), cells.s(), "", "S < 200 MB", ResultTable.atMost(sPeak, MAX_PEAK_RESIDENT_MB, "MB")));
	}

	private static Row row(String section, String measure, Map<String, ColdStartResult> results,
			Function<ColdStartResult, Double> value, String target, String verdict) {
		Cells cells = Cells.of(results, value);
		double s = Cells.value(results, "S", value);
		double b0 = Cells.value(results, "B0", value);
		double b1 = Cells.value(results, "B1", value);
		String comparison = "S/B1 " + ResultTable.ratio(s / b1) + ", S-B0 "
				+ (Double.isNaN(s - b0) ? "n/a" : String.format(Locale.ROOT, "%+,.0f ms", s - b0));
		return new Row(section, measure, cells.b0(), cells.b1(), cells.s(), comparison, target, verdict);
	}

	private static double ratio(Map<String, ColdStartResult> results, Function<ColdStartResult, Double> value) {
		return Cells.value(results, "S", value) / Cells.value(results, "B1", value);
	}

}
