package dev.tributary.benchmarks.mapping;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The {@code Items} row as a {@code @DynamoDbImmutable} class with a builder: the Enhanced
 * Client's nearest equivalent of a Java record.
 *
 * @author Tributary
 */
@DynamoDbImmutable(builder = ImmutableItem.Builder.class)
public final class ImmutableItem {

	private final @Nullable String id;

	private final @Nullable String content;

	private ImmutableItem(Builder builder) {
		this.id = builder.id;
		this.content = builder.content;
	}

	public static Builder builder() {
		return new Builder();
	}

	@DynamoDbPartitionKey
	public @Nullable String id() {
		return this.id;
	}

	public @Nullable String content() {
		return this.content;
	}

	/**
	 * Builds {@link ImmutableItem ImmutableItems}.
	 */
	public static final class Builder {

		private @Nullable String id;

		private @Nullable String content;

		public Builder id(@Nullable String id) {
			this.id = id;
			return this;
		}

		public Builder content(@Nullable String content) {
			this.content = content;
			return this;
		}

		public ImmutableItem build() {
			return new ImmutableItem(this);
		}

	}

}
