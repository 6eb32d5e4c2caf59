/**
 * Turning a batch of DynamoDB stream records into {@code Flux<StreamRecord<T>>}, running a
 * processor on it and deciding which record the batch failed at. Shared by the Lambda and local
 * runtimes so both have the same failure semantics.
 */
@NullMarked
package dev.tributary.batch;

import org.jspecify.annotations.NullMarked;
