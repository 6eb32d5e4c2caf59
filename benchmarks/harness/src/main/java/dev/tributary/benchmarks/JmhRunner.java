package dev.tributary.benchmarks;

import java.util.Arrays;
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
 * Runs a JMH benchmark class in forked JVMs, quietly, and returns its scores.
 *
 * @author Tributary
 */
final class JmhRunner {

	private JmhRunner() {
	}

	/**
	 * Run one benchmark class.
	 * @param benchmark the class
	 * @param iterations measurement iterations of one second
	 * @param jvmArgs flags of the forked JVMs
	 * @return the score of each benchmark method, in the class's time unit
	 * @throws RunnerException if JMH fails
	 */
	static Map<String, Double> run(Class<?> benchmark, int iterations, String... jvmArgs)
			throws RunnerException {
		Options options = new OptionsBuilder().include(benchmark.getName() + "\\.")
			.forks(1)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(iterations)
			.measurementTime(TimeValue.seconds(1))
			// The SDK logs through SLF4J, which has no provider here and would say so in every fork.
			.jvmArgsAppend(append(jvmArgs, "-Dslf4j.internal.verbosity=ERROR"))
			.shouldFailOnError(true)
			.verbosity(VerboseMode.SILENT)
			.build();
		Map<String, Double> scores = new HashMap<>();
		for (RunResult result : new Runner(options).run()) {
			String method = result.getParams().getBenchmark();
			scores.put(method.substring(method.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
		}
		return scores;
	}

	private static String[] append(String[] values, String value) {
		String[] appended = Arrays.copyOf(values, values.length + 1);
		appended[values.length] = value;
		return appended;
	}

}
