/**
 * The source-neutral batch core: running a processor on a batch of a source's raw records,
 * turned into its elements by the source's {@link dev.tributary.batch.SourceType}, and deciding
 * which record the batch failed at, by item identifier. Shared by the Lambda and local runtimes
 * so both have the same failure semantics.
 */
@NullMarked
package dev.tributary.batch;

import org.jspecify.annotations.NullMarked;
