/**
 * The sample application: the seed's {@code Items} table and its stream processor.
 */
@NullMarked
package dev.tributary.sample;

import org.jspecify.annotations.NullMarked;
