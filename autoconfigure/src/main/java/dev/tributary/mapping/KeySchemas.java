package dev.tributary.mapping;

import java.util.Optional;

import dev.tributary.KeyAttribute;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Reads a {@link KeySchema} from a table schema's metadata. Record schemas and the SDK's bean
 * schemas both record key attributes there, with the scalar type their converters produce.
 *
 * @author Tributary
 */
final class KeySchemas {

	private KeySchemas() {
	}

	static Optional<KeySchema> of(TableSchema<?> schema) {
		TableMetadata metadata = schema.tableMetadata();
		String partitionKey;
		try {
			partitionKey = metadata.primaryPartitionKey();
		}
		catch (IllegalArgumentException ex) {
			// The SDK signals "no partition key" this way; a type without keys is fine here.
			return Optional.empty();
		}
		KeyAttribute sortKey = metadata.primarySortKey().map((name) -> keyAttribute(metadata, name)).orElse(null);
		return Optional.of(new KeySchema(keyAttribute(metadata, partitionKey), sortKey));
	}

	private static KeyAttribute keyAttribute(TableMetadata metadata, String name) {
		ScalarAttributeType type = metadata.scalarAttributeType(name).orElse(null);
		return new KeyAttribute(name, scalarType(name, type));
	}

	private static KeyAttribute.ScalarType scalarType(String name, @Nullable ScalarAttributeType type) {
		if (type == ScalarAttributeType.S) {
			return KeyAttribute.ScalarType.S;
		}
		if (type == ScalarAttributeType.N) {
			return KeyAttribute.ScalarType.N;
		}
		if (type == ScalarAttributeType.B) {
			return KeyAttribute.ScalarType.B;
		}
		throw new IllegalArgumentException("Key attribute '" + name + "' must be a string, number or binary");
	}

}
