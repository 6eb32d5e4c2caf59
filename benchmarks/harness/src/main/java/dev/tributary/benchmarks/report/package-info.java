/**
 * Statistics and the one results table.
 */
@NullMarked
package dev.tributary.benchmarks.report;

import org.jspecify.annotations.NullMarked;
