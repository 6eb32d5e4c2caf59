/**
 * B0, the plain-handler baseline: what a Lambda function without any framework does for the
 * sample app's DynamoDB stream ({@link dev.tributary.benchmarks.baseline.plain.PlainItemsHandler})
 * and its Kinesis stream ({@link dev.tributary.benchmarks.baseline.plain.PlainEventsHandler}).
 */
@NullMarked
package dev.tributary.benchmarks.baseline.plain;

import org.jspecify.annotations.NullMarked;
