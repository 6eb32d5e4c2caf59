package dev.tributary.benchmarks.coldstart;

import dev.tributary.benchmarks.report.Samples;

/**
 * One variant's cold starts.
 *
 * @param toFirstResponse milliseconds from just before the process started to reading the first
 * response
 * @param handlerConstruction milliseconds the launcher took to build the handler (for Spring
 * Cloud Function, starting the application context)
 * @param firstInvoke milliseconds of the first invocation
 * @param peakResident peak resident set (VmHWM) in megabytes after the 1000-record batch
 * @author Tributary
 */
public record ColdStartResult(Samples toFirstResponse, Samples handlerConstruction, Samples firstInvoke,
		Samples peakResident) {

	static ColdStartResult empty() {
		return new ColdStartResult(new Samples(), new Samples(), new Samples(), new Samples());
	}

}
