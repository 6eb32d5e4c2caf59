/**
 * Simulated cold start: process start to the first event's response, and peak RSS.
 */
@NullMarked
package dev.tributary.benchmarks.coldstart;

import org.jspecify.annotations.NullMarked;
