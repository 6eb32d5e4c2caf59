package dev.tributary.benchmarks.local;

import dev.tributary.benchmarks.report.Samples;

/**
 * What the local runtime benchmark measured.
 *
 * @param latency milliseconds from just before each PutItem to the processor logging the item
 * @param writesPerSecond the pace of the latency writes
 * @param sparse latency of writes {@code sparseSpacingSeconds} apart, after idle back-off
 * @param sparseSpacingSeconds time between the sparse writes
 * @param sustained records per second the processor saw during a burst of writes, from the first
 * record of the burst it saw to the last
 * @param burst how many records the burst wrote
 * @param burstWriteSeconds how long writing the burst took (when close to the drain time, the
 * sustained rate is bounded by the emulator's writes, not by the runtime)
 * @param queued milliseconds from just before each SendMessage to the sample app's queue to the
 * queue processor logging the message, sent at {@code writesPerSecond}
 * @author Tributary
 */
public record LocalLatencyResult(Samples latency, double writesPerSecond, Samples sparse,
		double sparseSpacingSeconds, double sustained, int burst, double burstWriteSeconds, Samples queued) {

}
