package dev.tributary.mapping;

import dev.tributary.KeyAttribute;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Primary key of the table a record type describes.
 *
 * @param partitionKey the partition (hash) key
 * @param sortKey the sort (range) key, or {@code null} when the table has none
 * @author Tributary
 */
public record KeySchema(KeyAttribute partitionKey, @Nullable KeyAttribute sortKey) {

	public KeySchema {
		Assert.notNull(partitionKey, "'partitionKey' must not be null");
	}

}
