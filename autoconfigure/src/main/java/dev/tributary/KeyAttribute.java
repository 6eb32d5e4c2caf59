package dev.tributary;

import org.springframework.util.Assert;

/**
 * One key attribute of a table: its name and scalar type.
 *
 * @param name the attribute name
 * @param type the attribute's scalar type
 * @author Tributary
 */
public record KeyAttribute(String name, ScalarType type) {

	public KeyAttribute {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(type, "'type' must not be null");
	}

	/**
	 * Scalar types DynamoDB allows for key attributes.
	 */
	public enum ScalarType {

		/** String. */
		S,

		/** Number. */
		N,

		/** Binary. */
		B

	}

}
