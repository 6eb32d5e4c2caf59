package dev.tributary.sample;

/**
 * An item of the {@code Items} table.
 *
 * @param id the partition key
 * @param content the item's content
 * @author Tributary
 */
public record Item(String id, String content) {
}
