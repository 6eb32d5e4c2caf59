package dev.tributary;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A DynamoDB table a processor reads from: the id the application uses, the physical name for
 * the current stage, and its key schema.
 *
 * @param id the id used in bindings ({@code @DynamoDbStreamProcessor(table = id)})
 * @param name the physical table name, which may differ per stage
 * @param partitionKey the partition key
 * @param sortKey the sort key, or {@code null} when the table has none
 * @author Tributary
 */
public record TableDescriptor(String id, String name, KeyAttribute partitionKey, @Nullable KeyAttribute sortKey) {

	public TableDescriptor {
		Assert.hasText(id, "'id' must not be empty");
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(partitionKey, "'partitionKey' must not be null");
	}

	/**
	 * The sort key, if the table has one.
	 * @return the sort key
	 */
	public Optional<KeyAttribute> findSortKey() {
		return Optional.ofNullable(this.sortKey);
	}

}
