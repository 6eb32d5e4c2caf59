package dev.tributary.benchmarks.mapping;

import java.util.HashMap;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link ImageMappingBenchmark} with JMH in forked JVMs.
 *
 * @author Tributary
 */
public final class MappingBenchmarkRunner {

	private MappingBenchmarkRunner() {
	}

	/**
	 * Run the benchmark.
	 * @param iterations measurement iterations of one second
	 * @param jvmArgs flags of the forked JVMs
	 * @return nanoseconds per image, by benchmark method name
	 * @throws RunnerException if JMH fails
	 */
	public static Map<String, Double> run(int iterations, String... jvmArgs) throws RunnerException {
		Options options = new OptionsBuilder().include(ImageMappingBenchmark.class.getName() + "\\.")
			.forks(1)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(iterations)
			.measurementTime(TimeValue.seconds(1))
			.jvmArgsAppend(jvmArgs)
			.shouldFailOnError(true)
			.verbosity(VerboseMode.SILENT)
			.build();
		Map<String, Double> nanosPerImage = new HashMap<>();
		for (RunResult result : new Runner(options).run()) {
			String method = result.getParams().getBenchmark();
			nanosPerImage.put(method.substring(method.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
		}
		return nanosPerImage;
	}

}
