package dev.tributary;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a DynamoDB item image to the type a processor declared. Tributary resolves one mapper per
 * processor from the processor's generic type, once, at startup.
 *
 * @param <T> the target type
 * @author Tributary
 */
@FunctionalInterface
public interface ImageMapper<T> {

	/**
	 * Map one image.
	 * @param image the item's attributes
	 * @return the mapped value
	 * @throws ImageMappingException if an attribute cannot be converted to the target type
	 */
	T map(Map<String, AttributeValue> image);

}
