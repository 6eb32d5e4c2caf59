package dev.tributary.benchmarks.local;

import java.util.Locale;

import dev.tributary.benchmarks.report.ResultTable;
import dev.tributary.benchmarks.report.Row;

/**
 * The local runtime rows of the table (S only: the baselines have no local runtime).
 *
 * @author Tributary
 */
public final class LocalLatencyReport {

	private LocalLatencyReport() {
	}

	/**
	 * Add the rows.
	 * @param table the table
	 * @param result the measurements
	 */
	public static void addTo(ResultTable table, LocalLatencyResult result) {
		String pace = String.format(Locale.ROOT, "%d writes at %.0f/s", result.latency().size(),
				result.writesPerSecond());
		double p50 = result.latency().median();
		double p99 = result.latency().percentile(99);
		table.add(new Row("3", "Local runtime, PutItem to processor, p50 (ms)", "", "", ResultTable.number(p50), pace,
				"p50 < 150 ms", ResultTable.atMost(p50, 150, "ms")));
		table.add(new Row("3", "Local runtime, PutItem to processor, p99 (ms)", "", "", ResultTable.number(p99), pace,
				"p99 < 500 ms", ResultTable.atMost(p99, 500, "ms")));
		double sparseP50 = result.sparse().median();
		table.add(new Row("3", "Local runtime, PutItem to processor after idle back-off, p50 (ms)", "", "",
				ResultTable.number(sparseP50), String.format(Locale.ROOT, "%d writes %.1f s apart",
						result.sparse().size(), result.sparseSpacingSeconds()),
				"", ""));
		table.add(new Row("3", "Local runtime, sustained (records/s)", "", "", ResultTable.number(result.sustained()),
				String.format(Locale.ROOT, "burst of %d, written in %.1f s", result.burst(),
						result.burstWriteSeconds()),
				"", ""));
		String sends = String.format(Locale.ROOT, "%d sends at %.0f/s", result.queued().size(),
				result.writesPerSecond());
		table.add(new Row("3", "Local runtime, SendMessage to SQS processor, p50 (ms)", "", "",
				ResultTable.number(result.queued().median()), sends, "", ""));
		table.add(new Row("3", "Local runtime, SendMessage to SQS processor, p99 (ms)", "", "",
				ResultTable.number(result.queued().percentile(99)), sends, "", ""));
	}

}
