/**
 * The KCL runtime against the local runtime: latency, startup and takeover, measured in worker
 * JVMs by hand ({@link dev.tributary.benchmarks.kcl.KclBenchmark}).
 */
@NullMarked
package dev.tributary.benchmarks.kcl;

import org.jspecify.annotations.NullMarked;
