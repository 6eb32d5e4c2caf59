package dev.tributary.benchmarks.throughput;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.benchmarks.artifact.LambdaJvm;
import dev.tributary.benchmarks.artifact.PreparedVariant;

/**
 * Records per second through each variant's handler, invoked in-process by the launcher with
 * the same event bytes, in a fresh JVM per variant and event size (so that "first invoke" means
 * the first), with Lambda's flags and per-record logging turned down to WARN: the numbers are
 * about getting records to the processor, not about writing log lines. JVMs of the variants are
 * interleaved, {@code forks} rounds.
 *
 * @author Tributary
 */
public final class ThroughputBenchmark {

	private static final String SUCCESS = "{\"batchItemFailures\":[]}";

	private final LambdaJvm jvm;

	private final Duration warmup;

	private final Duration measure;

	private final int forks;

	/**
	 * Create the benchmark.
	 * @param jvm starts the JVMs
	 * @param warmup how long to invoke before measuring the steady state
	 * @param measure how long to measure it
	 * @param forks JVMs per variant and event size
	 */
	public ThroughputBenchmark(LambdaJvm jvm, Duration warmup, Duration measure, int forks) {
		this.jvm = jvm;
		this.warmup = warmup;
		this.measure = measure;
		this.forks = forks;
	}

	/**
	 * Run the benchmark for one event. Every JVM's first response must report no failures.
	 * @param variants the variants, in interleaving order
	 * @param event the event file
	 * @param label what the event is, for progress lines
	 * @param records how many records it holds
	 * @return results by variant id
	 */
	public Map<String, ThroughputResult> run(List<PreparedVariant> variants, Path event, String label,
			int records) {
		Map<String, ThroughputResult> results = new LinkedHashMap<>();
		variants.forEach((variant) -> results.put(variant.id(), ThroughputResult.empty()));
		for (int fork = 1; fork <= this.forks; fork++) {
			StringBuilder progress = new StringBuilder(
					label + ", " + records + " records, fork " + fork + "/" + this.forks + ":");
			for (PreparedVariant variant : variants) {
				LambdaJvm.Run run = this.jvm.run(variant, variant.variant().lowLogging(), "throughput",
						List.of(String.valueOf(this.warmup.toMillis()), String.valueOf(this.measure.toMillis()),
								event.toString()));
				List<LambdaJvm.Marker> invokes = run.all("invoke");
				if (invokes.size() != 10) {
					throw run.failure("of " + variant.id() + " reported " + invokes.size() + " of 10 invocations");
				}
				String response = run.first("response").rest();
				if (!response.equals(SUCCESS)) {
					throw run.failure("of " + variant.id() + " answered " + response + " instead of " + SUCCESS);
				}
				ThroughputResult result = results.get(variant.id());
				result.firstInvoke().add(perSecond(records, nanos(invokes.get(0))));
				long twoToTen = invokes.subList(1, 10).stream().mapToLong(ThroughputBenchmark::nanos).sum();
				result.invokesTwoToTen().add(perSecond(9L * records, twoToTen));
				LambdaJvm.Marker steady = run.first("steady");
				double steadyRate = perSecond(Long.parseLong(steady.first()) * records, Long.parseLong(steady.rest()));
				result.steadyState().add(steadyRate);
				progress.append(' ').append(variant.id()).append(' ').append(Math.round(steadyRate)).append("/s");
			}
			System.out.println(progress);
		}
		return results;
	}

	private static long nanos(LambdaJvm.Marker invoke) {
		return Long.parseLong(invoke.rest());
	}

	private static double perSecond(long records, long nanos) {
		return records * 1e9 / nanos;
	}

}
