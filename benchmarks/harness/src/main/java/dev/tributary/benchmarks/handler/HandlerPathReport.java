package dev.tributary.benchmarks.handler;

import java.util.Map;

import dev.tributary.benchmarks.report.ResultTable;
import dev.tributary.benchmarks.report.Row;

/**
 * The handler-path rows of the table: where an invocation's time goes, S against B0.
 *
 * @author Tributary
 */
public final class HandlerPathReport {

	private HandlerPathReport() {
	}

	/**
	 * Add the rows.
	 * @param table the table
	 * @param microsPerEvent JMH scores by benchmark method, microseconds per 100-record event
	 */
	public static void addTo(ResultTable table, Map<String, Double> microsPerEvent) {
		table.add(row("parse", microsPerEvent.getOrDefault("plainParse", Double.NaN),
				microsPerEvent.getOrDefault("tributaryParse", Double.NaN)));
		table.add(row("dispatch and map", microsPerEvent.getOrDefault("plainDispatch", Double.NaN),
				microsPerEvent.getOrDefault("tributaryDispatch", Double.NaN)));
	}

	private static Row row(String half, double plain, double tributary) {
		return new Row("2", "Handler path, " + HandlerPathBenchmark.RECORDS + "-record event, " + half
				+ ", C1 (us/event, JMH)", ResultTable.number(plain), "", ResultTable.number(tributary),
				"S/B0 " + ResultTable.ratio(tributary / plain), "", "");
	}

}
