/**
 * Records per second through each variant's handler.
 */
@NullMarked
package dev.tributary.benchmarks.throughput;

import org.jspecify.annotations.NullMarked;
