package dev.tributary.aws;

import java.util.ArrayList;
import java.util.List;

import dev.tributary.KeyAttribute;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

import org.springframework.util.Assert;

/**
 * DynamoDB requests for a declared table, shared by the local runtime's provisioning and deploy
 * so both create the same table: on-demand billing, the key schema from the
 * {@link TableDescriptor}, and a stream of the given view type.
 *
 * @author Tributary
 */
public final class TableRequests {

	private TableRequests() {
	}

	/**
	 * A CreateTable request for a table with its stream enabled.
	 * @param table the table
	 * @param viewType the stream's view type
	 * @return a request builder, to which callers may add tags
	 */
	public static CreateTableRequest.Builder createTable(TableDescriptor table, StreamViewType viewType) {
		Assert.notNull(table, "'table' must not be null");
		Assert.notNull(viewType, "'viewType' must not be null");
		List<AttributeDefinition> attributes = new ArrayList<>();
		List<KeySchemaElement> keys = new ArrayList<>();
		addKey(table.partitionKey(), KeyType.HASH, attributes, keys);
		table.findSortKey().ifPresent((sortKey) -> addKey(sortKey, KeyType.RANGE, attributes, keys));
		return CreateTableRequest.builder()
			.tableName(table.name())
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.attributeDefinitions(attributes)
			.keySchema(keys)
			.streamSpecification(streamEnabled(viewType));
	}

	/**
	 * A stream specification that enables the stream with a view type.
	 * @param viewType the view type
	 * @return the specification
	 */
	public static StreamSpecification streamEnabled(StreamViewType viewType) {
		Assert.notNull(viewType, "'viewType' must not be null");
		return StreamSpecification.builder().streamEnabled(true).streamViewType(viewType.name()).build();
	}

	private static void addKey(KeyAttribute key, KeyType type, List<AttributeDefinition> attributes,
			List<KeySchemaElement> keys) {
		attributes.add(AttributeDefinition.builder().attributeName(key.name()).attributeType(key.type().name()).build());
		keys.add(KeySchemaElement.builder().attributeName(key.name()).keyType(type).build());
	}

}
