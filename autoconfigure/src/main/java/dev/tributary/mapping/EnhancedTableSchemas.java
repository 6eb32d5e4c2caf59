package dev.tributary.mapping;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;

/**
 * Finds the {@link TableSchema} for a class that maps to a whole item or document: our own for
 * records, the SDK's for {@code @DynamoDbBean} and {@code @DynamoDbImmutable} classes. Used for
 * top-level types and for nested documents alike, so both follow the same rules.
 *
 * @author Tributary
 */
final class EnhancedTableSchemas {

	private EnhancedTableSchemas() {
	}

	@SuppressWarnings("unchecked")
	static <T> @Nullable TableSchema<T> forClass(Class<T> type) {
		if (type.isRecord()) {
			return (TableSchema<T>) RecordTableSchemas.of((Class<? extends Record>) type);
		}
		if (type.isAnnotationPresent(DynamoDbBean.class)) {
			return TableSchema.fromBean(type);
		}
		if (type.isAnnotationPresent(DynamoDbImmutable.class)) {
			return TableSchema.fromImmutableClass(type);
		}
		return null;
	}

}
