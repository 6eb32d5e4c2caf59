package dev.tributary.benchmarks.throughput;

import dev.tributary.benchmarks.report.Samples;

/**
 * Records per second through one variant's handler for one event size, one sample per JVM.
 *
 * @param firstInvoke during the first invocation
 * @param invokesTwoToTen over invocations 2 to 10
 * @param steadyState after warming up
 * @author Tributary
 */
public record ThroughputResult(Samples firstInvoke, Samples invokesTwoToTen, Samples steadyState) {

	static ThroughputResult empty() {
		return new ThroughputResult(new Samples(), new Samples(), new Samples());
	}

}
