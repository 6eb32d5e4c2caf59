package dev.tributary.mapping;

import java.util.Map;

import dev.tributary.ImageMapper;
import dev.tributary.ImageMappingException;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps images with a {@link TableSchema}: our own for records, the SDK's for beans and
 * immutable classes.
 * <p>
 * Record schemas report failures per attribute themselves. The SDK's bean schemas do not, so
 * after a failure the attributes are converted one by one to find the culprit; that costs only
 * on the failure path.
 *
 * @param <T> the mapped type
 * @author Tributary
 */
final class TableSchemaImageMapper<T> implements ImageMapper<T> {

	private final TableSchema<T> schema;

	private final String typeName;

	TableSchemaImageMapper(TableSchema<T> schema, Class<?> type) {
		this.schema = schema;
		this.typeName = type.getName();
	}

	@Override
	public T map(Map<String, AttributeValue> image) {
		try {
			// Preserve empty objects: an image with none of T's attributes is still an item.
			return this.schema.mapToItem(image, true);
		}
		catch (ImageMappingException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw locate(image, ex);
		}
	}

	private ImageMappingException locate(Map<String, AttributeValue> image, RuntimeException failure) {
		for (String name : this.schema.attributeNames()) {
			AttributeValue value = image.get(name);
			if (value != null) {
				AttributeConverter<?> converter = this.schema.converterForAttribute(name);
				try {
					converter.transformTo(value);
				}
				catch (RuntimeException ex) {
					String targetType = converter.type().rawClass().getTypeName();
					return MappingFailures.conversion(name, targetType, value.type(), failure);
				}
			}
		}
		return new ImageMappingException(MappingFailures.WHOLE_IMAGE, this.typeName,
				"mapping failed with " + failure.getClass().getName(), RedactedException.of(failure));
	}

}
