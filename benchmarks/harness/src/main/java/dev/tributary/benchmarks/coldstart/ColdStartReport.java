package dev.tributary.benchmarks.coldstart;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.tributary.benchmarks.artifact.Variants;
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
	static final double MAX_RATIO_TO_SPRING = 0.6;

	/** Cold start target: S at most this many times B0. */
	static final double MAX_RATIO_TO_PLAIN = 2.0;

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
		Samples s = Cells.samples(results, "S", ColdStartResult::toFirstResponse);
		Samples b0 = Cells.samples(results, "B0", ColdStartResult::toFirstResponse);
		Samples b1 = Cells.samples(results, "B1", ColdStartResult::toFirstResponse);
		double ratio = s.medianRatioTo(b1);
		double ratioToPlain = s.medianRatioTo(b0);
		table.add(row("Cold start to first response, median of " + runs + " (ms)", results,
				(result) -> result.toFirstResponse().median(),
				"S/B1 " + ResultTable.ratio(ratio) + ", S/B0 " + ResultTable.ratio(ratioToPlain),
				"S/B1 <= 0.60x, S/B0 <= 2.00x", both(ResultTable.atMost(ratio, MAX_RATIO_TO_SPRING, "x"),
						ResultTable.atMost(ratioToPlain, MAX_RATIO_TO_PLAIN, "x"))));
		table.add(row("Cold start to first response, p90 (ms)", results,
				(result) -> result.toFirstResponse().percentile(90),
				"S/B1 " + ResultTable.ratio(s.percentile(90) / b1.percentile(90)), "", ""));
		table.add(row("  of which handler construction (JVM in main to handler built), median (ms)", results,
				(result) -> result.handlerConstruction().median(), pairedRatio(results,
						ColdStartResult::handlerConstruction), "", ""));
		table.add(row("  of which first invoke, median (ms)", results, (result) -> result.firstInvoke().median(),
				pairedRatio(results, ColdStartResult::firstInvoke), "", ""));
		addTechniques(table, results);
		Function<ColdStartResult, Double> peak = (result) -> result.peakResident().max();
		double sPeak = Cells.value(results, "S", peak);
		table.add(row("Peak RSS (VmHWM) after a 1000-record batch, max of " + runs + " (MB)", results, peak, "",
				"S < 200 MB", ResultTable.atMost(sPeak, MAX_PEAK_RESIDENT_MB, "MB")).inSection("4"));
	}

	/**
	 * Each technique's share, from S's extra variants run in the same rounds: ahead-of-time
	 * processing (S without it against S), and priming (S primed at startup against S: the time
	 * priming adds to handler construction, which SnapStart moves into the snapshot, and the
	 * first invoke after it).
	 */
	private static void addTechniques(ResultTable table, Map<String, ColdStartResult> results) {
		Samples s = Cells.samples(results, "S", ColdStartResult::toFirstResponse);
		Samples withoutAot = Cells.samples(results, Variants.SAMPLE_WITHOUT_AOT, ColdStartResult::toFirstResponse);
		if (!withoutAot.isEmpty()) {
			table.add(new Row("1", "  S without ahead-of-time processing, to first response, median (ms)", "", "",
					ResultTable.number(withoutAot.median()), "S/S-noAOT " + ResultTable.ratio(s.medianRatioTo(withoutAot))
							+ ", AOT saves " + milliseconds(-s.medianDifferenceTo(withoutAot)).replace("+", ""),
					"", ""));
		}
		Samples primedConstruction = Cells.samples(results, Variants.SAMPLE_PRIMED,
				ColdStartResult::handlerConstruction);
		if (!primedConstruction.isEmpty()) {
			Samples construction = Cells.samples(results, "S", ColdStartResult::handlerConstruction);
			Samples primedFirst = Cells.samples(results, Variants.SAMPLE_PRIMED, ColdStartResult::firstInvoke);
			Samples first = Cells.samples(results, "S", ColdStartResult::firstInvoke);
			table.add(new Row("1", "  priming (SnapStart, before the snapshot): time it adds, median (ms)", "", "",
					ResultTable.number(primedConstruction.medianDifferenceTo(construction)),
					"handler construction + priming vs S's", "", ""));
			table.add(new Row("1", "  first invoke after priming, median (ms)", "", "",
					ResultTable.number(primedFirst.median()),
					"S-primed/S " + ResultTable.ratio(primedFirst.medianRatioTo(first)), "", ""));
		}
	}

	private static String both(String first, String second) {
		if (first.equals("yes") && second.equals("yes")) {
			return "yes";
		}
		return first.equals("yes") ? second : second.equals("yes") ? first : first + "; " + second;
	}

	private static String pairedRatio(Map<String, ColdStartResult> results, Function<ColdStartResult, Samples> samples) {
		return "S/B1 " + ResultTable.ratio(Cells.samples(results, "S", samples)
			.medianRatioTo(Cells.samples(results, "B1", samples)));
	}

	private static String milliseconds(double value) {
		return Double.isNaN(value) ? Row.NOT_MEASURED : String.format(Locale.ROOT, "%+,.0f ms", value);
	}

	private static Row row(String measure, Map<String, ColdStartResult> results,
			Function<ColdStartResult, Double> value, String comparison, String target, String verdict) {
		Cells cells = Cells.of(results, value);
		return new Row("1", measure, cells.b0(), cells.b1(), cells.s(), comparison, target, verdict);
	}

}
