/**
 * Deployment artifacts under test and the fresh JVMs started from them, as Lambda starts them.
 */
@NullMarked
package dev.tributary.benchmarks.artifact;

import org.jspecify.annotations.NullMarked;
