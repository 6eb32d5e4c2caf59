package dev.tributary.mapping;

import java.util.EnumSet;
import java.util.Set;

import dev.tributary.ImageMappingException;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decorates the SDK's converter for one record component so that failures name the attribute
 * (with its path inside nested documents) and the Java type, and never quote the value.
 * <p>
 * It also checks the DynamoDB type first: the SDK's document and collection converters read
 * {@code m()} or {@code l()} without looking at the type, so a string where a nested record
 * belongs would otherwise silently become {@code null}.
 *
 * @param <T> the converted type
 * @author Tributary
 */
final class PathAwareConverter<T> implements AttributeConverter<T> {

	private static final Set<AttributeValue.Type> SCALARS = EnumSet.of(AttributeValue.Type.S, AttributeValue.Type.N,
			AttributeValue.Type.B, AttributeValue.Type.BOOL);

	private static final Set<AttributeValue.Type> SETS = EnumSet.of(AttributeValue.Type.SS, AttributeValue.Type.NS,
			AttributeValue.Type.BS, AttributeValue.Type.L);

	private final String attribute;

	private final String targetType;

	private final AttributeConverter<T> delegate;

	private final Set<AttributeValue.Type> accepted;

	PathAwareConverter(String attribute, String targetType, AttributeConverter<T> delegate, boolean checkType) {
		this.attribute = attribute;
		this.targetType = targetType;
		this.delegate = delegate;
		this.accepted = checkType ? accepted(delegate.attributeValueType()) : EnumSet.allOf(AttributeValue.Type.class);
	}

	private static Set<AttributeValue.Type> accepted(AttributeValueType expected) {
		return switch (expected) {
			case M -> EnumSet.of(AttributeValue.Type.M);
			case L -> EnumSet.of(AttributeValue.Type.L);
			case SS, NS, BS -> SETS;
			case S, N, B, BOOL -> SCALARS;
			default -> EnumSet.allOf(AttributeValue.Type.class);
		};
	}

	@Override
	public T transformTo(AttributeValue input) {
		AttributeValue.Type actual = input.type();
		if (!this.accepted.contains(actual)) {
			throw MappingFailures.typeMismatch(this.attribute, this.targetType, actual);
		}
		try {
			return this.delegate.transformTo(input);
		}
		catch (ImageMappingException ex) {
			throw MappingFailures.nested(this.attribute, ex);
		}
		catch (RuntimeException ex) {
			throw MappingFailures.conversion(this.attribute, this.targetType, actual, ex);
		}
	}

	@Override
	public AttributeValue transformFrom(T input) {
		return this.delegate.transformFrom(input);
	}

	@Override
	public EnhancedType<T> type() {
		return this.delegate.type();
	}

	@Override
	public AttributeValueType attributeValueType() {
		return this.delegate.attributeValueType();
	}

}
