package dev.tributary.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedTypeDocumentConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnoreNulls;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPreserveEmptyObject;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import org.springframework.beans.BeanUtils;

/**
 * Describes one record component as an {@link ImmutableAttribute} of the record's table
 * schema. The SDK's mapping annotations are {@code @Target(METHOD)}, so on a record component
 * they land on the accessor, which is where they are read.
 *
 * @author Tributary
 */
final class RecordComponentAttribute {

	private RecordComponentAttribute() {
	}

	static String attributeName(RecordComponent component) {
		DynamoDbAttribute rename = component.getAccessor().getAnnotation(DynamoDbAttribute.class);
		return (rename != null) ? rename.value() : component.getName();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static <R> ImmutableAttribute<R, Object[], ?> of(Class<R> recordType, RecordComponent component, int index) {
		Method accessor = component.getAccessor();
		String name = attributeName(component);
		String targetType = component.getGenericType().getTypeName();
		EnhancedType type;
		AttributeConverter converter;
		try {
			type = EnhancedTypes.of(component.getGenericType(), documentConfiguration(accessor));
			DynamoDbConvertedBy convertedBy = accessor.getAnnotation(DynamoDbConvertedBy.class);
			converter = (convertedBy != null) ? BeanUtils.instantiateClass(convertedBy.value())
					: AttributeConverterProvider.defaultProvider().converterFor(type);
			converter = new PathAwareConverter<>(name, targetType, converter, convertedBy == null);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Cannot map record component " + recordType.getName() + "."
					+ component.getName() + " of type " + targetType + ": " + ex.getMessage(), ex);
		}
		MethodHandle getter = getter(accessor);
		return ImmutableAttribute.builder(recordType, Object[].class, type)
			.name(name)
			.getter((item) -> get(getter, item))
			.setter((arguments, value) -> ((Object[]) arguments)[index] = value)
			.tags(tags(accessor))
			.attributeConverter(converter)
			.build();
	}

	private static Consumer<EnhancedTypeDocumentConfiguration.Builder> documentConfiguration(Method accessor) {
		boolean preserveEmptyObject = accessor.isAnnotationPresent(DynamoDbPreserveEmptyObject.class);
		boolean ignoreNulls = accessor.isAnnotationPresent(DynamoDbIgnoreNulls.class);
		return (builder) -> builder.preserveEmptyObject(preserveEmptyObject).ignoreNulls(ignoreNulls);
	}

	private static List<StaticAttributeTag> tags(Method accessor) {
		List<StaticAttributeTag> tags = new ArrayList<>();
		if (accessor.isAnnotationPresent(DynamoDbPartitionKey.class)) {
			tags.add(StaticAttributeTags.primaryPartitionKey());
		}
		if (accessor.isAnnotationPresent(DynamoDbSortKey.class)) {
			tags.add(StaticAttributeTags.primarySortKey());
		}
		DynamoDbSecondaryPartitionKey indexPartitionKey = accessor.getAnnotation(DynamoDbSecondaryPartitionKey.class);
		if (indexPartitionKey != null) {
			tags.add(StaticAttributeTags.secondaryPartitionKey(List.of(indexPartitionKey.indexNames())));
		}
		DynamoDbSecondarySortKey indexSortKey = accessor.getAnnotation(DynamoDbSecondarySortKey.class);
		if (indexSortKey != null) {
			tags.add(StaticAttributeTags.secondarySortKey(List.of(indexSortKey.indexNames())));
		}
		return tags;
	}

	private static MethodHandle getter(Method accessor) {
		try {
			accessor.setAccessible(true);
			return MethodHandles.lookup()
				.unreflect(accessor)
				.asType(MethodType.methodType(Object.class, Object.class));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalArgumentException("Cannot access record accessor " + accessor, ex);
		}
	}

	private static Object get(MethodHandle getter, Object item) {
		try {
			return (Object) getter.invokeExact(item);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Record accessor failed", ex);
		}
	}

}
