package dev.tributary.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one table every run prints: a Markdown table, so that it reads in a terminal and pastes
 * into {@code docs/benchmarks.md} unchanged.
 *
 * @author Tributary
 */
public final class ResultTable {

	private static final String[] HEADERS = { "#", "Measure", "B0", "B1", "S", "S vs baseline", "Target", "Met" };

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	/**
	 * Add a row.
	 * @param row the row
	 */
	public void add(Row row) {
		this.rows.add(row);
	}

	/**
	 * Add a note printed under the table (what was not measured, and why).
	 * @param note the note
	 */
	public void note(String note) {
		this.notes.add(note);
	}

	/**
	 * The table as Markdown.
	 * @return the table, then its notes
	 */
	public String render() {
		List<String[]> cells = new ArrayList<>();
		cells.add(HEADERS);
		// Rows come in the order benchmarks ran; the table lists them by section.
		List<Row> sorted = new ArrayList<>(this.rows);
		sorted.sort(Comparator.comparing(Row::section));
		for (Row row : sorted) {
			cells.add(new String[] { row.section(), row.measure(), row.b0(), row.b1(), row.s(), row.comparison(),
					row.target(), row.verdict() });
		}
		int[] widths = new int[HEADERS.length];
		for (String[] line : cells) {
			for (int i = 0; i < line.length; i++) {
				widths[i] = Math.max(widths[i], line[i].length());
			}
		}
		StringBuilder out = new StringBuilder();
		for (int l = 0; l < cells.size(); l++) {
			appendLine(out, cells.get(l), widths);
			if (l == 0) {
				String[] rule = new String[widths.length];
				for (int i = 0; i < widths.length; i++) {
					rule[i] = "-".repeat(widths[i]);
				}
				appendLine(out, rule, widths);
			}
		}
		for (String note : this.notes) {
			out.append('\n').append("- ").append(note);
		}
		return out.append('\n').toString();
	}

	private static void appendLine(StringBuilder out, String[] line, int[] widths) {
		out.append('|');
		for (int i = 0; i < line.length; i++) {
			out.append(' ').append(String.format(Locale.ROOT, "%-" + widths[i] + "s", line[i])).append(" |");
		}
		out.append('\n');
	}

	/**
	 * Format a number for the table: no decimals from 100 up, one below.
	 * @param value the number
	 * @return its text
	 */
	public static String number(double value) {
		if (Double.isNaN(value)) {
			return Row.NOT_MEASURED;
		}
		return (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * Format a ratio.
	 * @param value the ratio
	 * @return its text, such as {@code 1.04x}
	 */
	public static String ratio(double value) {
		return Double.isNaN(value) ? Row.NOT_MEASURED : String.format(Locale.ROOT, "%.2fx", value);
	}

	/**
	 * The verdict on a value that must stay at or under a limit.
	 * @param value the measured value
	 * @param limit the limit
	 * @param unit how to show the excess: {@code "%"} relative to the limit, {@code "x"} as a
	 * ratio, else a unit
	 * @return {@code yes}, or by how much it is missed
	 */
	public static String atMost(double value, double limit, String unit) {
		if (Double.isNaN(value)) {
			return Row.NOT_MEASURED;
		}
		if (value <= limit) {
			return "yes";
		}
		return "no, over by " + excess(value - limit, limit, unit);
	}

	/**
	 * The verdict on a value that must reach a floor.
	 * @param value the measured value
	 * @param floor the floor
	 * @param unit how to show the shortfall: {@code "%"} relative to the floor, {@code "x"} as a
	 * ratio, else a unit
	 * @return {@code yes}, or by how much it is missed
	 */
	public static String atLeast(double value, double floor, String unit) {
		if (Double.isNaN(value)) {
			return Row.NOT_MEASURED;
		}
		if (value >= floor) {
			return "yes";
		}
		return "no, short by " + excess(floor - value, floor, unit);
	}

	private static String excess(double difference, double reference, String unit) {
		if (unit.equals("x")) {
			return String.format(Locale.ROOT, "%.2fx", difference);
		}
		if (unit.equals("%")) {
			return String.format(Locale.ROOT, "%.0f%%", 100 * difference / reference);
		}
		return number(difference) + " " + unit;
	}

}
