package dev.tributary;

import org.jspecify.annotations.Nullable;

/**
 * An item image that cannot be mapped to a processor's record type. The message names the
 * attribute and the target type. Tributary reports the record as failed, so it is retried and
 * finally sent to the failure destination like any other failure; it is never dropped.
 *
 * @author Tributary
 */
public class ImageMappingException extends RuntimeException {

	private final String attribute;

	private final String targetType;

	/**
	 * Create a new exception.
	 * @param attribute the attribute that could not be mapped, or {@code "*"} for the whole image
	 * @param targetType the type it was mapped to
	 * @param message the detail message
	 * @param cause the underlying failure
	 */
	public ImageMappingException(String attribute, String targetType, String message, @Nullable Throwable cause) {
		super("Cannot map attribute '" + attribute + "' to " + targetType + ": " + message, cause);
		this.attribute = attribute;
		this.targetType = targetType;
	}

	/**
	 * Attribute that could not be mapped.
	 * @return the attribute name
	 */
	public String getAttribute() {
		return this.attribute;
	}

	/**
	 * Type the image was being mapped to.
	 * @return the target type's name
	 */
	public String getTargetType() {
		return this.targetType;
	}

}
