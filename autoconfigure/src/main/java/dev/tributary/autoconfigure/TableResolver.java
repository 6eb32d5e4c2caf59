package dev.tributary.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.tributary.KeyAttribute;
import dev.tributary.TableDescriptor;
import dev.tributary.mapping.ImageMappers;
import dev.tributary.mapping.KeySchema;

import org.springframework.core.ResolvableType;

/**
 * Resolves the tables processors are bound to: the physical name from
 * {@code tributary.tables.<id>.name} (else the id), the key schema from the record type's
 * {@code @DynamoDbPartitionKey}/{@code @DynamoDbSortKey} (else from the properties). Two
 * processors on one table must agree on its keys.
 *
 * @author Tributary
 */
class TableResolver {

	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

	private final Map<String, TributaryProperties.Table> properties;

	private final Map<String, TableDescriptor> resolved = new HashMap<>();

	TableResolver(Map<String, TributaryProperties.Table> properties) {
		this.properties = properties;
	}

	TableDescriptor resolve(BoundValue<String> tableId, String processor, ResolvableType recordType) {
		String id = tableId.value();
		TributaryProperties.Table table = this.properties.getOrDefault(id, new TributaryProperties.Table());
		String name = (table.getName() != null) ? table.getName() : id;
		String nameSource = (table.getName() != null) ? tablePropertyName(id, "name") : tableId.source();
		new BoundValue<>(name, nameSource).require((candidate) -> TABLE_NAME.matcher(candidate).matches(),
				"A DynamoDB table name has 3 to 255 characters: letters, digits, '_', '-' and '.'.");
		KeySchema keys = keySchema(id, processor, recordType, table);
		TableDescriptor descriptor = new TableDescriptor(id, name, keys.partitionKey(), keys.sortKey());
		TableDescriptor previous = this.resolved.putIfAbsent(id, descriptor);
		if (previous != null && !previous.equals(descriptor)) {
			throw new InvalidProcessorBindingException("the key schema of table '" + id + "'", describe(descriptor),
					"Processor '" + processor + "' (record type " + recordType + ") gives it different keys than "
							+ "another processor on the same table: " + describe(previous) + ".",
					"Make the record types agree on @DynamoDbPartitionKey/@DynamoDbSortKey, or set "
							+ tablePropertyName(id, "partition-key") + " and " + tablePropertyName(id, "sort-key")
							+ ".");
		}
		return descriptor;
	}

	private KeySchema keySchema(String id, String processor, ResolvableType recordType,
			TributaryProperties.Table table) {
		Optional<KeySchema> fromType = ImageMappers.keySchemaOf(recordType);
		if (fromType.isPresent()) {
			KeySchema keys = fromType.get();
			if (table.getPartitionKey() != null && !table.getPartitionKey().equals(keys.partitionKey().name())) {
				throw new InvalidProcessorBindingException(tablePropertyName(id, "partition-key"),
						table.getPartitionKey(),
						"The record type " + recordType + " of processor '" + processor + "' declares partition key '"
								+ keys.partitionKey().name() + "'.",
						"Remove the property, or make it match the record type.");
			}
			return keys;
		}
		if (table.getPartitionKey() == null) {
			throw new InvalidProcessorBindingException(tablePropertyName(id, "partition-key"), "(unset)",
					"Table '" + id + "' of processor '" + processor + "' has no key schema: its record type "
							+ recordType + " declares no @DynamoDbPartitionKey.",
					"Annotate the record type's partition key with @DynamoDbPartitionKey, or set "
							+ tablePropertyName(id, "partition-key") + " (and "
							+ tablePropertyName(id, "partition-key-type") + " when it is not a string).");
		}
		KeyAttribute sortKey = (table.getSortKey() != null) ? new KeyAttribute(table.getSortKey(), table.getSortKeyType())
				: null;
		return new KeySchema(new KeyAttribute(table.getPartitionKey(), table.getPartitionKeyType()), sortKey);
	}

	private static String describe(TableDescriptor table) {
		KeyAttribute sortKey = table.sortKey();
		return "partition key " + table.partitionKey().name() + " (" + table.partitionKey().type() + ")"
				+ ((sortKey != null) ? ", sort key " + sortKey.name() + " (" + sortKey.type() + ")" : "");
	}

	static String tablePropertyName(String id, String property) {
		return TributaryProperties.PREFIX + ".tables." + id + "." + property;
	}

}
