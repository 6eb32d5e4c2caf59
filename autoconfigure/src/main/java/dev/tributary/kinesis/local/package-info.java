/**
 * Kinesis Data Streams for the local runtime: shards read through the AWS SDK's Kinesis client.
 * Never loaded inside Lambda, so the SDK's Kinesis module stays out of the function's artifact.
 */
@NullMarked
package dev.tributary.kinesis.local;

import org.jspecify.annotations.NullMarked;
