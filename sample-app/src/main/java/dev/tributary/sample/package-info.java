/**
 * The sample application: the {@code Items} table and its stream processor, and the {@code Events}
 * Kinesis stream and its processor.
 */
@NullMarked
package dev.tributary.sample;

import org.jspecify.annotations.NullMarked;
