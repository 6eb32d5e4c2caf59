/**
 * Tributary's public API: the {@link dev.tributary.StreamRecord} model, the
 * {@link dev.tributary.DynamoDbStreamProcessor} binding, the
 * {@link dev.tributary.RecordProcessingException} partial-failure contract and the
 * {@link dev.tributary.StreamProcessors} helpers.
 */
@NullMarked
package dev.tributary;

import org.jspecify.annotations.NullMarked;
