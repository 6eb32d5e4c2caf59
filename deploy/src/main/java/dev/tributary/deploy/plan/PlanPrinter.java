package dev.tributary.deploy.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.util.Assert;

/**
 * Renders a {@link Plan} as a plain-text table: one row per resource with its action and the
 * fields that change, then the consequences of replacements, then a summary line.
 *
 * <pre>
 *   ACTION     TYPE       NAME                  CHANGES
 * + create     table      items                 KeySchema: id (S); StreamViewType: NEW_IMAGE
 * ~ update     mapping    shop-dev-items        BatchSize: 100 -&gt; 50
 * = unchanged  role       shop-dev-items-eu-w1
 * </pre>
 *
 * @author Tributary
 */
public final class PlanPrinter {

	private static final String[] HEADERS = { "ACTION", "TYPE", "NAME", "CHANGES" };

	/**
	 * Render a plan.
	 * @param plan the plan
	 * @return the table, ending with a line break
	 */
	public String format(Plan plan) {
		Assert.notNull(plan, "'plan' must not be null");
		List<String[]> rows = new ArrayList<>();
		for (ResourceChange change : plan.changes()) {
			rows.add(new String[] { change.action().symbol() + " " + change.action().label(), change.type(),
					change.name(), describe(change.changes()) });
		}
		int[] widths = widths(rows);
		StringBuilder out = new StringBuilder();
		out.append(row(new String[] { "  " + HEADERS[0], HEADERS[1], HEADERS[2], HEADERS[3] }, widths));
		rows.forEach((row) -> out.append(row(row, widths)));
		for (ResourceChange change : plan.changes()) {
			change.findConsequence()
				.ifPresent((consequence) -> out.append("! ")
					.append(change.type())
					.append(' ')
					.append(change.name())
					.append(": ")
					.append(consequence)
					.append('\n'));
		}
		out.append(summary(plan)).append('\n');
		return out.toString();
	}

	/**
	 * One line counting the actions, or saying that nothing changes.
	 * @param plan the plan
	 * @return the summary
	 */
	public String summary(Plan plan) {
		Map<Action, Integer> counts = plan.counts();
		if (plan.isEmpty()) {
			return "No changes: " + counts.getOrDefault(Action.UNCHANGED, 0) + " resources up to date.";
		}
		StringJoiner joiner = new StringJoiner(", ", "Plan: ", ".");
		counts.forEach((action, count) -> joiner.add(count + " to " + action.label()));
		return joiner.toString().replace("to unchanged", "unchanged");
	}

	private static String describe(List<FieldChange> changes) {
		StringJoiner joiner = new StringJoiner("; ");
		changes.forEach((change) -> joiner.add(change.toString()));
		return joiner.toString();
	}

	private static int[] widths(List<String[]> rows) {
		int[] widths = { HEADERS[0].length() + 2, HEADERS[1].length(), HEADERS[2].length(), 0 };
		for (String[] row : rows) {
			for (int i = 0; i < 3; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		return widths;
	}

	private static String row(String[] cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			line.append(String.format("%-" + widths[i] + "s  ", cells[i]));
		}
		line.append(cells[3]);
		return line.toString().stripTrailing() + "\n";
	}

}
