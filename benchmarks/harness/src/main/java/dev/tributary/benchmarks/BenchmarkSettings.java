package dev.tributary.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.springframework.boot.convert.DurationStyle;

/**
 * What to run and for how long, from system properties ({@code benchmarks/run.sh} passes
 * Maven's {@code -Dbenchmarks.*} through).
 *
 * @param root the project's root directory
 * @param sections which benchmarks to run: {@code size}, {@code coldstart}, {@code throughput},
 * {@code mapping}, {@code local}
 * @param coldStartRuns measured cold starts per variant
 * @param throughputWarmup invocations before the steady state is measured
 * @param throughputMeasure how long the steady state is measured
 * @param throughputForks JVMs per variant and event size
 * @param jmhIterations JMH measurement iterations
 * @param localWrites paced writes timed in the local latency benchmark, and paced sends to the
 * sample app's queue
 * @param localWritesPerSecond their pace
 * @param localBurst writes of the burst that measures sustained records per second
 * @author Tributary
 */
public record BenchmarkSettings(Path root, Set<String> sections, int coldStartRuns, Duration throughputWarmup,
		Duration throughputMeasure, int throughputForks, int jmhIterations, int localWrites,
		double localWritesPerSecond, int localBurst) {

	private static final Set<String> ALL = Set.of("size", "coldstart", "throughput", "mapping", "local");

	static BenchmarkSettings fromSystemProperties() {
		String only = System.getProperty("benchmarks.only", "all");
		Set<String> sections = only.equals("all") ? ALL : Set.of(only.split(","));
		return new BenchmarkSettings(Path.of(System.getProperty("benchmarks.root", ".")).toAbsolutePath().normalize(),
				sections, Integer.getInteger("benchmarks.coldstart.runs", 20),
				duration("benchmarks.throughput.warmup", "3s"), duration("benchmarks.throughput.measure", "5s"),
				Integer.getInteger("benchmarks.throughput.forks", 3), Integer.getInteger("benchmarks.jmh.iterations", 5),
				Integer.getInteger("benchmarks.local.writes", 1000),
				Double.parseDouble(System.getProperty("benchmarks.local.rate", "20")),
				Integer.getInteger("benchmarks.local.burst", 2000));
	}

	boolean runs(String section) {
		return this.sections.contains(section);
	}

	private static Duration duration(String property, String defaultValue) {
		return DurationStyle.detectAndParse(System.getProperty(property, defaultValue));
	}

}
