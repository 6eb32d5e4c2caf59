/**
 * Tributary's public API: the {@link dev.tributary.StreamRecord} model, the
 * {@link dev.tributary.DynamoDbStreamProcessor} binding, what a processor reads
 * ({@link dev.tributary.SourceBinding}, with the source's own options) apart from the options
 * every source shares ({@link dev.tributary.ProcessorOptions}), the
 * {@link dev.tributary.RecordProcessingException} partial-failure contract and the
 * {@link dev.tributary.StreamProcessors} helpers.
 */
@NullMarked
package dev.tributary;

import org.jspecify.annotations.NullMarked;
