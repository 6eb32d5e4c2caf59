package dev.tributary.benchmarks.mapping;

import java.util.Map;

import dev.tributary.benchmarks.report.ResultTable;
import dev.tributary.benchmarks.report.Row;

/**
 * The image-mapping rows of the table. Here B0 is hand-written mapping, B1 the Enhanced
 * Client's {@code TableSchema} called directly, and S Tributary's mapper.
 *
 * @author Tributary
 */
public final class MappingReport {

	private MappingReport() {
	}

	/**
	 * Add the rows of one JIT configuration.
	 * @param table the table
	 * @param nanosPerImage JMH scores by benchmark method
	 * @param jit which JIT the forks ran with
	 */
	public static void addTo(ResultTable table, Map<String, Double> nanosPerImage, String jit) {
		double handWritten = nanosPerImage.getOrDefault("handWritten", Double.NaN);
		table.add(row("Image mapping, record vs @DynamoDbImmutable, " + jit + " (ns/image, JMH)", handWritten,
				nanosPerImage.getOrDefault("enhancedImmutable", Double.NaN),
				nanosPerImage.getOrDefault("tributaryRecord", Double.NaN)));
		table.add(row("Image mapping, @DynamoDbBean, " + jit + " (ns/image, JMH)", handWritten,
				nanosPerImage.getOrDefault("enhancedBean", Double.NaN),
				nanosPerImage.getOrDefault("tributaryBean", Double.NaN)));
	}

	private static Row row(String measure, double handWritten, double enhanced, double tributary) {
		return new Row("2", measure, ResultTable.number(handWritten), ResultTable.number(enhanced),
				ResultTable.number(tributary), "S/Enhanced " + ResultTable.ratio(tributary / enhanced), "", "");
	}

}
