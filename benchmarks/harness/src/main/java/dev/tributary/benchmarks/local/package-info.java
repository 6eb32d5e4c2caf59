/**
 * Latency and throughput of the local runtime: the sample app run as a developer runs it,
 * against moto_server.
 */
@NullMarked
package dev.tributary.benchmarks.local;

import org.jspecify.annotations.NullMarked;
