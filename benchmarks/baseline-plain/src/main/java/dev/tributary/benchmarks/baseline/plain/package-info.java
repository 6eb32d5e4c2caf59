/**
 * B0, the plain-handler baseline: what a Lambda function without any framework does for the
 * sample app's DynamoDB stream ({@link dev.tributary.benchmarks.baseline.plain.PlainItemsHandler}),
 * its Kinesis stream ({@link dev.tributary.benchmarks.baseline.plain.PlainEventsHandler}) and its
 * {@code ItemChanges} queue ({@link dev.tributary.benchmarks.baseline.plain.PlainQueuedHandler}).
 */
@NullMarked
package dev.tributary.benchmarks.baseline.plain;

import org.jspecify.annotations.NullMarked;
