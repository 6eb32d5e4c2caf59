package dev.tributary;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One message attribute of an SQS message, as Lambda's event carries it.
 *
 * @param dataType the attribute's data type ({@code String}, {@code Number}, {@code Binary}, or a
 * custom type such as {@code String.uuid})
 * @param stringValue the value of a {@code String} or {@code Number} attribute
 * @param binaryValue the value of a {@code Binary} attribute
 * @author Tributary
 */
public record SqsMessageAttribute(String dataType, @Nullable String stringValue, byte @Nullable [] binaryValue) {

	public SqsMessageAttribute {
		Assert.hasText(dataType, "'dataType' must not be empty");
	}

}
