package dev.tributary.mapping;

import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import dev.tributary.ImageMapper;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Resolves the {@link ImageMapper} for a processor's record type, once per processor. Supported
 * types, in the order they are checked:
 * <ol>
 * <li>{@code Map<String, AttributeValue>}: the raw image, unchanged (an unmodifiable view);
 * <li>Jackson 3 {@code JsonNode} or {@code ObjectNode}, when Jackson is on the classpath;
 * <li>{@code Map<String, Object>}: plain Java values, numbers as {@code Long} when integral and
 * within range, else {@code BigDecimal}, binaries as {@code byte[]};
 * <li>Java records, through {@link RecordTableSchemas};
 * <li>{@code @DynamoDbBean} and {@code @DynamoDbImmutable} classes, through the SDK's
 * {@link TableSchema}.
 * </ol>
 *
 * @author Tributary
 */
public final class ImageMappers {

	private static final String SUPPORTED = "use a Java record, a @DynamoDbBean or @DynamoDbImmutable class, "
			+ "Map<String, AttributeValue>, Map<String, Object> or JsonNode";

	private static final boolean jacksonPresent = ClassUtils.isPresent("tools.jackson.databind.JsonNode",
			ImageMappers.class.getClassLoader());

	private static final ImageMapper<Map<String, AttributeValue>> RAW = Collections::unmodifiableMap;

	private ImageMappers() {
	}

	/**
	 * Resolve the mapper for a record type.
	 * @param <T> the record type
	 * @param type the record type, fully resolved
	 * @return the mapper
	 * @throws IllegalArgumentException if images cannot be mapped to the type
	 */
	@SuppressWarnings("unchecked")
	public static <T> ImageMapper<T> forType(ResolvableType type) {
		Assert.notNull(type, "'type' must not be null");
		Class<?> rawClass = type.resolve();
		if (rawClass == null) {
			throw unsupported(type, "the type cannot be resolved");
		}
		if (rawClass == Map.class) {
			return (ImageMapper<T>) forMap(type);
		}
		if (jacksonPresent && JsonNodeValues.accepts(rawClass)) {
			return (ImageMapper<T>) JsonNodeValues.INSTANCE;
		}
		TableSchema<?> schema = tableSchema(type, rawClass);
		if (schema == null) {
			throw unsupported(type, null);
		}
		return new TableSchemaImageMapper<>((TableSchema<T>) schema, rawClass);
	}

	/**
	 * Return the primary key a record type declares with {@code @DynamoDbPartitionKey} and
	 * {@code @DynamoDbSortKey} on record components or bean getters.
	 * @param type the record type
	 * @return the key schema, empty for maps, JSON trees, types without key annotations and
	 * unsupported types
	 */
	public static Optional<KeySchema> keySchemaOf(ResolvableType type) {
		Assert.notNull(type, "'type' must not be null");
		Class<?> rawClass = type.resolve();
		if (rawClass == null || rawClass == Map.class) {
			return Optional.empty();
		}
		TableSchema<?> schema = EnhancedTableSchemas.forClass(rawClass);
		return (schema != null) ? KeySchemas.of(schema) : Optional.empty();
	}

	private static ImageMapper<?> forMap(ResolvableType type) {
		Class<?> keyType = type.getGeneric(0).resolve();
		Class<?> valueType = valueType(type.getGeneric(1));
		if (keyType != String.class || valueType == null) {
			throw unsupported(type, "declare the map as Map<String, AttributeValue> or Map<String, Object>");
		}
		if (valueType == AttributeValue.class) {
			return RAW;
		}
		if (valueType == Object.class) {
			return PlainValues.INSTANCE;
		}
		throw unsupported(type, "map values must be AttributeValue or Object");
	}

	private static @Nullable Class<?> valueType(ResolvableType valueType) {
		// Map<String, ?> reads as Map<String, Object>; an unbound type variable stays unresolvable.
		if (valueType.getType() instanceof WildcardType wildcard && wildcard.getLowerBounds().length == 0
				&& Arrays.equals(wildcard.getUpperBounds(), new Type[] { Object.class })) {
			return Object.class;
		}
		return valueType.resolve();
	}

	private static @Nullable TableSchema<?> tableSchema(ResolvableType type, Class<?> rawClass) {
		try {
			return EnhancedTableSchemas.forClass(rawClass);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			IllegalArgumentException unsupported = unsupported(type, ex.getMessage());
			unsupported.initCause(ex);
			throw unsupported;
		}
	}

	private static IllegalArgumentException unsupported(ResolvableType type, @Nullable String detail) {
		String message = "Cannot map stream images to " + type + ": " + SUPPORTED;
		return new IllegalArgumentException((detail != null) ? message + " (" + detail + ")" : message);
	}

}
