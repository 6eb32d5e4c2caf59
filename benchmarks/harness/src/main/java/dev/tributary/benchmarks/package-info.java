/**
 * The benchmark harness: runs every benchmark against Tributary's sample app (S) and its
 * baselines (B0, a plain handler; B1, a plain Spring Cloud Function app) and prints one table.
 */
@NullMarked
package dev.tributary.benchmarks;

import org.jspecify.annotations.NullMarked;
