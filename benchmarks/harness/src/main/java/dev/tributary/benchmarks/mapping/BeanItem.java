package dev.tributary.benchmarks.mapping;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The {@code Items} row as a {@code @DynamoDbBean}, mapped by the Enhanced Client.
 *
 * @author Tributary
 */
@DynamoDbBean
public class BeanItem {

	private @Nullable String id;

	private @Nullable String content;

	@DynamoDbPartitionKey
	public @Nullable String getId() {
		return this.id;
	}

	public void setId(@Nullable String id) {
		this.id = id;
	}

	public @Nullable String getContent() {
		return this.content;
	}

	public void setContent(@Nullable String content) {
		this.content = content;
	}

}
