package dev.tributary.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tributary.benchmarks.artifact.LambdaArtifact;
import dev.tributary.benchmarks.artifact.LambdaJvm;
import dev.tributary.benchmarks.artifact.PreparedVariant;
import dev.tributary.benchmarks.artifact.Variant;
import dev.tributary.benchmarks.artifact.Variants;
import dev.tributary.benchmarks.coldstart.ColdStartBenchmark;
import dev.tributary.benchmarks.coldstart.ColdStartReport;
import dev.tributary.benchmarks.events.EventFiles;
import dev.tributary.benchmarks.handler.HandlerPathBenchmark;
import dev.tributary.benchmarks.handler.HandlerPathReport;
import dev.tributary.benchmarks.local.LocalLatencyBenchmark;
import dev.tributary.benchmarks.local.LocalLatencyReport;
import dev.tributary.benchmarks.mapping.ImageMappingBenchmark;
import dev.tributary.benchmarks.mapping.MappingReport;
import dev.tributary.benchmarks.report.ResultTable;
import dev.tributary.benchmarks.report.Row;
import dev.tributary.benchmarks.throughput.ThroughputBenchmark;
import dev.tributary.benchmarks.throughput.ThroughputReport;
import dev.tributary.local.emulator.MotoServer;

import org.springframework.util.FileSystemUtils;

/**
 * Runs every benchmark and prints one table; {@code benchmarks/run.sh} is the way to call it.
 * The table is also written to {@code benchmarks/harness/target/benchmarks/results.md}.
 *
 * @author Tributary
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
		Path work = settings.root().resolve("benchmarks/harness/target/benchmarks");
		FileSystemUtils.deleteRecursively(work.resolve("task"));
		List<Variant> variants = Variants.locate(settings.root());
		ResultTable table = new ResultTable();
		List<PreparedVariant> prepared = prepare(variants, settings.root(), work, table);
		EventFiles events = new EventFiles(work.resolve("events"));
		LambdaJvm jvm = new LambdaJvm(Path.of(System.getProperty("java.home"), "bin", "java"), requireFile(
				settings.root().resolve("benchmarks/launcher/target/tributary-benchmarks-launcher-0.1.0-SNAPSHOT.jar")));
		if (settings.runs("coldstart")) {
			ColdStartBenchmark coldStart = new ColdStartBenchmark(jvm, settings.coldStartRuns(), events.coldStart(),
					events.inserts(1000));
			List<PreparedVariant> coldStartVariants = new ArrayList<>(prepared);
			prepared.stream()
				.filter((variant) -> variant.id().equals("S"))
				.findFirst()
				.ifPresent((sample) -> coldStartVariants
					.addAll(Variants.coldStartTechniques(sample, work.resolve("task"))));
			ColdStartReport.addTo(table, coldStart.run(coldStartVariants), settings.coldStartRuns());
		}
		if (settings.runs("throughput")) {
			ThroughputBenchmark throughput = new ThroughputBenchmark(jvm, settings.throughputWarmup(),
					settings.throughputMeasure(), settings.throughputForks());
			for (int records : new int[] { 100, 1000 }) {
				ThroughputReport.addTo(table,
						throughput.run(prepared, events.inserts(records), "DynamoDB throughput", records), records);
			}
			List<PreparedVariant> kinesis = Variants.kinesis(prepared);
			for (int records : new int[] { 100, 1000 }) {
				ThroughputReport.addKinesisTo(table,
						throughput.run(kinesis, events.kinesisRecords(records), "Kinesis throughput", records),
						records);
			}
			kinesis.forEach((variant) -> table.note("Kinesis rows, " + variant.id() + ": "
					+ variant.variant().description() + ", function " + function(variant) + "."));
			// Lambda's default SQS batch is 10 messages; 100 needs a batching window.
			List<PreparedVariant> sqs = Variants.sqs(prepared);
			for (int messages : new int[] { 10, 100 }) {
				ThroughputReport.addSqsTo(table,
						throughput.run(sqs, events.sqsMessages(messages), "SQS throughput", messages), messages);
			}
			sqs.forEach((variant) -> table.note("SQS rows, " + variant.id() + ": " + variant.variant().description()
					+ ", function " + function(variant) + "."));
		}
		if (settings.runs("mapping")) {
			String[] lambdaFlags = LambdaJvm.LAMBDA_FLAGS.toArray(String[]::new);
			System.out.println("image mapping and handler path: JMH");
			MappingReport.addTo(table, JmhRunner.run(ImageMappingBenchmark.class, settings.jmhIterations()), "C2");
			MappingReport.addTo(table,
					JmhRunner.run(ImageMappingBenchmark.class, settings.jmhIterations(), lambdaFlags), "C1 as on Lambda");
			HandlerPathReport.addTo(table, JmhRunner.run(HandlerPathBenchmark.class, settings.jmhIterations(),
					lambdaFlags));
		}
		if (settings.runs("local")) {
			runLocal(settings, table);
		}
		if (settings.runs("size")) {
			addSizeRows(table, prepared, settings.root());
		}
		String report = Machine.describe() + "\n\n" + table.render();
		Files.createDirectories(work);
		Files.writeString(work.resolve("results.md"), report);
		System.out.println();
		System.out.println(report);
	}

	private static void runLocal(BenchmarkSettings settings, ResultTable table) throws InterruptedException {
		Path sampleJar = settings.root().resolve("sample-app/target/tributary-sample-app-0.1.0-SNAPSHOT.jar");
		if (!Files.isRegularFile(sampleJar) || MotoServer.findExecutable().isEmpty()) {
			table.note("Local runtime (section 3) is not measured: it needs " + settings.root().relativize(sampleJar)
					+ " and " + MotoServer.EXECUTABLE + " on the PATH.");
			return;
		}
		LocalLatencyBenchmark local = new LocalLatencyBenchmark(Path.of(System.getProperty("java.home"), "bin", "java"),
				sampleJar);
		LocalLatencyReport.addTo(table,
				local.run(settings.localWrites(), settings.localWritesPerSecond(), settings.localBurst()));
	}

	private static List<PreparedVariant> prepare(List<Variant> variants, Path root, Path work, ResultTable table) {
		List<PreparedVariant> prepared = new ArrayList<>();
		for (Variant variant : variants) {
			Path artifact = variant.artifact();
			if (artifact == null) {
				table.note(variant.id() + " (" + variant.description() + ") is not measured: its Lambda artifact "
						+ "was not found (for S: in sample-app/target, or -D" + Variants.SAMPLE_ARTIFACT_PROPERTY
						+ "=PATH).");
				continue;
			}
			prepared.add(new PreparedVariant(variant,
					LambdaArtifact.unpack(artifact, work.resolve("task").resolve(variant.id()))));
			table.note(variant.id() + ": " + variant.description() + ", " + root.relativize(artifact) + ".");
		}
		return prepared;
	}

	// S is the processors' zip, what a processor's function uploads; the API function's own zip,
	// which adds Spring MVC, on a row of its own.
	private static void addSizeRows(ResultTable table, List<PreparedVariant> prepared, Path root) throws IOException {
		Map<String, Double> megabytes = prepared.stream()
			.collect(Collectors.toMap(PreparedVariant::id, (variant) -> variant.artifact().sizeBytes() / 1e6));
		double s = megabytes.getOrDefault("S", Double.NaN);
		table.add(new Row("4", "Artifact size, processors' zip (MB)", cell(megabytes, "B0"), cell(megabytes, "B1"),
				cell(megabytes, "S"), "S/B1 " + ResultTable.ratio(s / megabytes.getOrDefault("B1", Double.NaN)),
				"S < 15 MB", ResultTable.atMost(s, 15, "MB")));
		Path api = Variants.sampleApiArtifact(root);
		double sApi = (api != null) ? Files.size(api) / 1e6 : Double.NaN;
		table.add(new Row("4", "Artifact size, API function's zip (MB)", "", "", megabytes(sApi),
				"S-API/S " + ResultTable.ratio(sApi / s), "", ""));
	}

	private static String function(PreparedVariant variant) {
		String definition = variant.variant().environment().get("SPRING_CLOUD_FUNCTION_DEFINITION");
		return (definition != null) ? definition : variant.variant().handler();
	}

	private static String cell(Map<String, Double> values, String id) {
		return megabytes(values.getOrDefault(id, Double.NaN));
	}

	// Two decimals: 14.98 MB is under the 15 MB target, which one decimal would show as 15.0.
	private static String megabytes(double value) {
		return Double.isNaN(value) ? Row.NOT_MEASURED : String.format(Locale.ROOT, "%.2f", value);
	}

	private static Path requireFile(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException("Missing " + file + ": run benchmarks/run.sh, which builds it first");
		}
		return file;
	}

}
