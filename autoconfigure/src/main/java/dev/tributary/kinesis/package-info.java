/**
 * Kinesis Data Streams as a source: the raw record, the Lambda event codec, de-aggregation of
 * records the Kinesis Producer Library aggregated, and mapping payloads to the processor's type.
 */
@NullMarked
package dev.tributary.kinesis;

import org.jspecify.annotations.NullMarked;
