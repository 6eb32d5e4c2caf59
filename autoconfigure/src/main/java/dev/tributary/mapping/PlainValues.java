package dev.tributary.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tributary.ImageMapper;
import dev.tributary.ImageMappingException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps images to {@code Map<String, Object>} of plain Java values, in the image's order:
 * <ul>
 * <li>{@code S} to {@link String}, {@code BOOL} to {@link Boolean}, {@code NULL} to {@code null};
 * <li>{@code N} to {@link Long} or {@link java.math.BigDecimal} (see {@link Numbers});
 * <li>{@code B} to {@code byte[]} (a copy, so callers cannot change the raw image);
 * <li>{@code M} to {@code Map<String, Object>}, {@code L} to {@code List<Object>};
 * <li>{@code SS}, {@code NS}, {@code BS} to {@code Set}s of the scalar mappings above.
 * </ul>
 * The maps, lists and sets are new and mutable, as users of schemaless maps tend to expect.
 *
 * @author Tributary
 */
final class PlainValues implements ImageMapper<Map<String, Object>> {

	static final PlainValues INSTANCE = new PlainValues();

	private PlainValues() {
	}

	@Override
	public Map<String, Object> map(Map<String, AttributeValue> image) {
		return toMap(image, "");
	}

	private static Map<String, Object> toMap(Map<String, AttributeValue> attributes, String path) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>((int) (attributes.size() / 0.75f) + 1);
		attributes.forEach((name, value) -> map.put(name, toValue(value, path + name)));
		return map;
	}

	private static @Nullable Object toValue(AttributeValue value, String path) {
		return switch (value.type()) {
			case S -> value.s();
			case N -> Numbers.parse(value.n());
			case B -> value.b().asByteArray();
			case BOOL -> value.bool();
			case NUL -> null;
			case M -> toMap(value.m(), path + ".");
			case L -> toList(value.l(), path);
			case SS -> new LinkedHashSet<>(value.ss());
			case NS -> toNumberSet(value.ns());
			case BS -> toBinarySet(value.bs());
			default -> throw new ImageMappingException(path, "Object",
					"the attribute has a DynamoDB type this SDK version does not know", null);
		};
	}

	private static List<@Nullable Object> toList(List<AttributeValue> values, String path) {
		List<@Nullable Object> list = new ArrayList<>(values.size());
		for (AttributeValue value : values) {
			list.add(toValue(value, path));
		}
		return list;
	}

	private static Set<Number> toNumberSet(List<String> numbers) {
		Set<Number> set = new LinkedHashSet<>();
		numbers.forEach((number) -> set.add(Numbers.parse(number)));
		return set;
	}

	private static Set<byte[]> toBinarySet(List<SdkBytes> values) {
		Set<byte[]> set = new LinkedHashSet<>();
		values.forEach((bytes) -> set.add(bytes.asByteArray()));
		return set;
	}

}
