package dev.tributary.mapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedTypeDocumentConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import org.springframework.util.ClassUtils;

/**
 * Turns a record component's generic Java type into the SDK's {@link EnhancedType}. The SDK's
 * own {@link EnhancedType#of(Type)} knows nothing of nested documents, so records, beans and
 * immutable classes (also as collection elements and map values) become
 * {@link EnhancedType#documentOf document types} carrying their table schema here.
 *
 * @author Tributary
 */
final class EnhancedTypes {

	private EnhancedTypes() {
	}

	static EnhancedType<?> of(Type type, Consumer<EnhancedTypeDocumentConfiguration.Builder> documentConfiguration) {
		if (type instanceof Class<?> rawClass) {
			return ofClass(rawClass, documentConfiguration);
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
			Type[] arguments = parameterized.getActualTypeArguments();
			if (raw == List.class) {
				return EnhancedType.listOf(of(arguments[0], documentConfiguration));
			}
			if (raw == Set.class) {
				return EnhancedType.setOf(of(arguments[0], documentConfiguration));
			}
			if (raw == Map.class) {
				return EnhancedType.mapOf(of(arguments[0], documentConfiguration),
						of(arguments[1], documentConfiguration));
			}
			return EnhancedType.of(type);
		}
		throw new IllegalArgumentException("Type " + type.getTypeName() + " is not concrete");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static EnhancedType<?> ofClass(Class<?> type,
			Consumer<EnhancedTypeDocumentConfiguration.Builder> documentConfiguration) {
		if (type.isPrimitive()) {
			return EnhancedType.of(ClassUtils.resolvePrimitiveIfNecessary(type));
		}
		TableSchema schema = EnhancedTableSchemas.forClass(type);
		if (schema != null) {
			return EnhancedType.documentOf((Class) type, schema, documentConfiguration);
		}
		return EnhancedType.of(type);
	}

}
