package dev.tributary.test.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.mapping.ImageMappers;
import dev.tributary.mapping.KeySchema;
import dev.tributary.mapping.RecordTableSchemas;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ResolvableType;

/**
 * Turns the items a test names into DynamoDB images with the mapping Tributary and the SDK use:
 * Java records through {@link RecordTableSchemas}, {@code @DynamoDbBean} and
 * {@code @DynamoDbImmutable} classes through the SDK's {@link TableSchema}, and
 * {@code Map<String, AttributeValue>} as it is. An item's keys are the attributes its type
 * declares with {@code @DynamoDbPartitionKey} and {@code @DynamoDbSortKey}.
 *
 * @author Tributary
 */
final class ItemImages {

	private ItemImages() {
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Map<String, AttributeValue> image(Object item) {
		if (item instanceof Map<?, ?> map) {
			map.forEach((name, value) -> {
				if (!(name instanceof String) || !(value instanceof AttributeValue)) {
					throw new IllegalArgumentException("A map item must be a Map<String, AttributeValue>; use a Java "
							+ "record or a @DynamoDbBean class for plain values");
				}
			});
			return new LinkedHashMap<>((Map<String, AttributeValue>) map);
		}
		Class type = item.getClass();
		TableSchema schema = type.isRecord() ? RecordTableSchemas.of(type) : TableSchema.fromClass(type);
		return schema.itemToMap(item, true);
	}

	/**
	 * The names of an item's key attributes: from its type's key annotations, else the names
	 * the test gave.
	 */
	static List<String> keyNames(Object item, List<String> given) {
		if (item instanceof Map<?, ?>) {
			if (given.isEmpty()) {
				throw new IllegalStateException("Name the key attributes of Map<String, AttributeValue> items with "
						+ "keys(\"id\", ...): a map has no key annotations to read them from");
			}
			return given;
		}
		KeySchema keys = ImageMappers.keySchemaOf(ResolvableType.forClass(item.getClass()))
			.orElseThrow(() -> new IllegalArgumentException(item.getClass().getName() + " declares no "
					+ "@DynamoDbPartitionKey; annotate its key or pass the item as a Map<String, AttributeValue> "
					+ "with keys(...)"));
		return (keys.sortKey() != null) ? List.of(keys.partitionKey().name(), keys.sortKey().name())
				: List.of(keys.partitionKey().name());
	}

	static Map<String, AttributeValue> keys(Map<String, AttributeValue> image, List<String> names) {
		Map<String, AttributeValue> keys = new LinkedHashMap<>();
		for (String name : names) {
			AttributeValue value = image.get(name);
			if (value == null) {
				throw new IllegalArgumentException("The item has no key attribute '" + name + "'");
			}
			keys.put(name, value);
		}
		return keys;
	}

}
