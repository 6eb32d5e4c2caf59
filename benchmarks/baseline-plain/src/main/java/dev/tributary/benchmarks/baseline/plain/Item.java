package dev.tributary.benchmarks.baseline.plain;

import org.jspecify.annotations.Nullable;

/**
 * The sample app's {@code Items} row, as a plain handler would declare it.
 *
 * @param id the item's id (partition key)
 * @param content the item's content
 * @author Tributary
 */
public record Item(@Nullable String id, @Nullable String content) {

}
