/**
 * B1, the Spring Cloud Function baseline: the sample app's work as plain
 * {@code Function<DynamodbEvent, StreamsEventResponse>} ({@code logItems}),
 * {@code Function<KinesisEvent, StreamsEventResponse>} ({@code logEvents}) and
 * {@code Function<SQSEvent, SQSBatchResponse>} ({@code logQueued}) beans behind
 * {@code FunctionInvoker}, without Tributary; {@code SPRING_CLOUD_FUNCTION_DEFINITION} selects one.
 */
@NullMarked
package dev.tributary.benchmarks.baseline.spring;

import org.jspecify.annotations.NullMarked;
