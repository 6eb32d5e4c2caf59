package dev.tributary.mapping;

import dev.tributary.ImageMappingException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds the {@link ImageMappingException ImageMappingExceptions} of this package. Images may
 * hold personal data, so messages name attributes, DynamoDB types and Java types only, and the
 * SDK's own exceptions (whose messages quote the offending value) are replaced by a
 * {@link RedactedException} that keeps their type and stack trace.
 *
 * @author Tributary
 */
final class MappingFailures {

	static final String WHOLE_IMAGE = "*";

	private MappingFailures() {
	}

	static ImageMappingException typeMismatch(String attribute, String targetType, AttributeValue.Type actual) {
		return new ImageMappingException(attribute, targetType,
				"DynamoDB type " + typeName(actual) + " cannot be converted to it", null);
	}

	static ImageMappingException conversion(String attribute, String targetType, AttributeValue.Type actual,
			RuntimeException ex) {
		return new ImageMappingException(attribute, targetType, "DynamoDB type " + typeName(actual)
				+ " cannot be converted to it (" + ex.getClass().getSimpleName() + ")", RedactedException.of(ex));
	}

	/**
	 * Re-root a failure in a nested document under its parent attribute, so the message
	 * names the full path ({@code address.city}).
	 */
	static ImageMappingException nested(String parent, ImageMappingException ex) {
		String attribute = WHOLE_IMAGE.equals(ex.getAttribute()) ? parent : parent + "." + ex.getAttribute();
		return new ImageMappingException(attribute, ex.getTargetType(), reasonOf(ex), ex.getCause());
	}

	static String reasonOf(ImageMappingException ex) {
		String message = String.valueOf(ex.getMessage());
		String prefix = "Cannot map attribute '" + ex.getAttribute() + "' to " + ex.getTargetType() + ": ";
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}

	static String typeName(AttributeValue.Type type) {
		return (type == AttributeValue.Type.NUL) ? "NULL" : (type == AttributeValue.Type.UNKNOWN_TO_SDK_VERSION)
				? "unknown" : type.name();
	}

}
