package dev.tributary.mapping;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;

import org.springframework.util.Assert;

/**
 * {@link TableSchema TableSchemas} for Java records, which the SDK's Enhanced Client does not
 * derive itself (aws-sdk-java-v2 issue #4281). The schema reads and writes items, so records can
 * be used with a {@code DynamoDbTable} as well as for stream images:
 * <pre class="code">
 * DynamoDbTable&lt;Order&gt; orders = enhancedClient.table("orders", RecordTableSchemas.of(Order.class));
 * </pre>
 * <p>
 * Each component is an attribute named after the component, converted by the SDK's default
 * attribute converters. The SDK's annotations are honoured on components:
 * {@code @DynamoDbPartitionKey}, {@code @DynamoDbSortKey}, the secondary index keys,
 * {@code @DynamoDbAttribute} (rename), {@code @DynamoDbIgnore} (the component gets {@code null},
 * {@code 0} or {@code false}), {@code @DynamoDbConvertedBy}, {@code @DynamoDbPreserveEmptyObject}
 * and {@code @DynamoDbIgnoreNulls}. Components that are records, {@code @DynamoDbBean} or
 * {@code @DynamoDbImmutable} classes map to nested documents, also inside lists, sets and map
 * values. Attributes missing from an item leave their components {@code null} (primitives
 * {@code 0} or {@code false}). Records that contain themselves are not supported.
 *
 * @author Tributary
 */
public final class RecordTableSchemas {

	private static final Map<Class<?>, TableSchema<?>> cache = new ConcurrentHashMap<>();

	// computeIfAbsent cannot recurse into nested records, so building is tracked per thread.
	private static final ThreadLocal<Set<Class<?>>> building = ThreadLocal.withInitial(LinkedHashSet::new);

	private RecordTableSchemas() {
	}

	/**
	 * Return the table schema of a record class, building it on first use.
	 * @param <R> the record type
	 * @param recordType the record class
	 * @return the table schema
	 * @throws IllegalArgumentException if the class is not a record or a component cannot be
	 * mapped
	 */
	@SuppressWarnings("unchecked")
	public static <R extends Record> TableSchema<R> of(Class<R> recordType) {
		Assert.notNull(recordType, "'recordType' must not be null");
		Assert.isTrue(recordType.isRecord(), () -> recordType.getName() + " is not a record");
		TableSchema<?> schema = cache.get(recordType);
		if (schema == null) {
			schema = build(recordType);
			TableSchema<?> existing = cache.putIfAbsent(recordType, schema);
			schema = (existing != null) ? existing : schema;
		}
		return (TableSchema<R>) schema;
	}

	private static <R> TableSchema<R> build(Class<R> recordType) {
		Set<Class<?>> inProgress = building.get();
		if (!inProgress.add(recordType)) {
			throw new IllegalArgumentException("Record " + recordType.getName()
					+ " contains itself (through " + inProgress + "): recursive records are not supported");
		}
		try {
			RecordInstantiator<R> instantiator = RecordInstantiator.of(recordType);
			StaticImmutableTableSchema.Builder<R, Object[]> builder = StaticImmutableTableSchema
				.builder(recordType, Object[].class)
				.newItemBuilder(instantiator::newArguments, instantiator::instantiate);
			RecordComponent[] components = recordType.getRecordComponents();
			for (int i = 0; i < components.length; i++) {
				if (!components[i].getAccessor().isAnnotationPresent(DynamoDbIgnore.class)) {
					builder.addAttribute(RecordComponentAttribute.of(recordType, components[i], i));
				}
			}
			return builder.build();
		}
		finally {
			inProgress.remove(recordType);
		}
	}

}
