/**
 * JMH benchmark of image mapping alone: Tributary's mappers against the Enhanced Client's.
 */
@NullMarked
package dev.tributary.benchmarks.mapping;

import org.jspecify.annotations.NullMarked;
