/**
 * DynamoDB Streams and Kinesis event files fed to every variant.
 */
@NullMarked
package dev.tributary.benchmarks.events;

import org.jspecify.annotations.NullMarked;
