/**
 * A stand-in for the Lambda Java runtime, run in a fresh JVM on a deployment artifact's class
 * path. Compiled against the Lambda libraries, which each artifact brings itself.
 */
@NullMarked
package dev.tributary.benchmarks.launcher;

import org.jspecify.annotations.NullMarked;
