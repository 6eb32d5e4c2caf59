/**
 * B1, the Spring Cloud Function baseline: the sample app's work as a plain
 * {@code Function<DynamodbEvent, StreamsEventResponse>} behind {@code FunctionInvoker}, without
 * Tributary.
 */
@NullMarked
package dev.tributary.benchmarks.baseline.spring;

import org.jspecify.annotations.NullMarked;
