/**
 * Micrometer metrics of the local runtime.
 */
@NullMarked
package dev.tributary.local.metrics;

import org.jspecify.annotations.NullMarked;
