package dev.tributary.benchmarks.throughput;

import java.util.Map;
import java.util.function.Function;

import dev.tributary.benchmarks.report.Cells;
import dev.tributary.benchmarks.report.ResultTable;
import dev.tributary.benchmarks.report.Row;
import dev.tributary.benchmarks.report.Samples;

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
	 * Add the DynamoDB Streams rows of one event size, with the steady-state target.
	 * @param table the table
	 * @param results results by variant id
	 * @param records records per event
	 */
	public static void addTo(ResultTable table, Map<String, ThroughputResult> results, int records) {
		addTo(table, results, "Throughput, " + records + "-record events, ", "records/s", true);
	}

	/**
	 * Add the Kinesis rows of one event size. They carry no target of their own: they are read
	 * against the DynamoDB Streams rows' ratios.
	 * @param table the table
	 * @param results results by variant id
	 * @param records records per event
	 */
	public static void addKinesisTo(ResultTable table, Map<String, ThroughputResult> results, int records) {
		addTo(table, results, "Kinesis throughput, " + records + "-record events, ", "records/s", false);
	}

	/**
	 * Add the SQS rows of one event size. Like the Kinesis rows, they carry no target of their
	 * own.
	 * @param table the table
	 * @param results results by variant id
	 * @param messages messages per event
	 */
	public static void addSqsTo(ResultTable table, Map<String, ThroughputResult> results, int messages) {
		addTo(table, results, "SQS throughput, " + messages + "-message events, ", "messages/s", false);
	}

	private static void addTo(ResultTable table, Map<String, ThroughputResult> results, String prefix, String unit,
			boolean withTarget) {
		table.add(row(prefix + "first invoke (" + unit + ")", results, ThroughputResult::firstInvoke, false));
		table.add(row(prefix + "invokes 2-10 (" + unit + ")", results, ThroughputResult::invokesTwoToTen, false));
		table.add(row(prefix + "steady state (" + unit + ")", results, ThroughputResult::steadyState, withTarget));
	}

	private static Row row(String measure, Map<String, ThroughputResult> results,
			Function<ThroughputResult, Samples> samples, boolean withTarget) {
		Cells cells = Cells.of(results, (result) -> samples.apply(result).median());
		// JVMs of the variants ran one after the other in each round: compare within rounds.
		double ratio = Cells.samples(results, "S", samples).medianRatioTo(Cells.samples(results, "B0", samples));
		return new Row("2", measure, cells.b0(), cells.b1(), cells.s(), "S/B0 " + ResultTable.ratio(ratio),
				withTarget ? "S/B0 >= 0.90x" : "",
				withTarget ? ResultTable.atLeast(ratio, MIN_RATIO_TO_PLAIN, "x") : "");
	}

}
