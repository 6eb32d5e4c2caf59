package dev.tributary.benchmarks.coldstart;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.benchmarks.artifact.LambdaJvm;
import dev.tributary.benchmarks.artifact.PreparedVariant;

/**
 * Simulated cold starts: each run starts a fresh JVM on the artifact, with Lambda's flags,
 * builds the handler, invokes it with the cold-start event (timed from just before the process
 * starts to the response line), then with a 1000-record batch, and reports peak RSS. Runs of
 * the variants are interleaved (B0, B1, S, B0, ...) so that they share the machine's noise.
 *
 * @author Tributary
 */
public final class ColdStartBenchmark {

	private static final String SUCCESS = "{\"batchItemFailures\":[]}";

	private final LambdaJvm jvm;

	private final int runs;

	private final Path coldStartEvent;

	private final Path batchEvent;

	/**
	 * Create the benchmark.
	 * @param jvm starts the JVMs
	 * @param runs measured runs per variant
	 * @param coldStartEvent the first event
	 * @param batchEvent the batch invoked next, before peak RSS is read
	 */
	public ColdStartBenchmark(LambdaJvm jvm, int runs, Path coldStartEvent, Path batchEvent) {
		this.jvm = jvm;
		this.runs = runs;
		this.coldStartEvent = coldStartEvent;
		this.batchEvent = batchEvent;
	}

	/**
	 * Run the benchmark.
	 * @param variants the variants, in interleaving order
	 * @return results by variant id
	 */
	public Map<String, ColdStartResult> run(List<PreparedVariant> variants) {
		Map<String, ColdStartResult> results = new LinkedHashMap<>();
		variants.forEach((variant) -> results.put(variant.id(), ColdStartResult.empty()));
		// One unmeasured round: page cache and CDS archive warm, as on a Lambda host.
		for (PreparedVariant variant : variants) {
			once(variant);
		}
		for (int run = 1; run <= this.runs; run++) {
			StringBuilder progress = new StringBuilder("cold start run " + run + "/" + this.runs + ":");
			for (PreparedVariant variant : variants) {
				LambdaJvm.Run result = once(variant);
				ColdStartResult samples = results.get(variant.id());
				double total = millis(result.first("response").elapsedNanos());
				samples.toFirstResponse().add(total);
				samples.handlerConstruction().add(millis(Long.parseLong(result.first("init").first())));
				samples.firstInvoke().add(millis(Long.parseLong(result.first("response").rest().split(" ")[0])));
				samples.peakResident().add(Long.parseLong(result.first("vmhwm").first()) * 1024 / 1e6);
				progress.append(' ').append(variant.id()).append(' ').append(Math.round(total)).append(" ms");
			}
			System.out.println(progress);
		}
		return results;
	}

	private LambdaJvm.Run once(PreparedVariant variant) {
		LambdaJvm.Run run = this.jvm.run(variant, Map.of(), "coldstart",
				List.of(this.coldStartEvent.toString(), this.batchEvent.toString()));
		List<LambdaJvm.Marker> responses = run.all("response");
		for (LambdaJvm.Marker response : responses) {
			String body = response.rest().substring(response.rest().indexOf(' ') + 1);
			if (!body.equals(SUCCESS)) {
				throw run.failure("of " + variant.id() + " answered " + body + " instead of " + SUCCESS);
			}
		}
		if (responses.size() != 2) {
			throw run.failure("of " + variant.id() + " answered " + responses.size() + " of 2 events");
		}
		return run;
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

}
