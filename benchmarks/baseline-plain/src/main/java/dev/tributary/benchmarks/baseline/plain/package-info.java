/**
 * B0, the plain-handler baseline: what a Lambda function without any framework does for the
 * sample app's stream.
 */
@NullMarked
package dev.tributary.benchmarks.baseline.plain;

import org.jspecify.annotations.NullMarked;
