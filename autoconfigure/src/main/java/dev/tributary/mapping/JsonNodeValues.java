package dev.tributary.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.tributary.ImageMapper;
import dev.tributary.ImageMappingException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps images to Jackson 3 trees as plain JSON: {@code S} to strings, {@code N} to integral
 * nodes or exact decimal nodes (see {@link Numbers}), {@code B} to binary nodes (written as
 * base64), {@code BOOL} to booleans, {@code NULL} to null nodes, {@code M} to objects and
 * {@code L}, {@code SS}, {@code NS}, {@code BS} to arrays.
 * <p>
 * Jackson is optional: this is the only class of the package that refers to it, and it is only
 * loaded once Jackson was found on the classpath.
 *
 * @author Tributary
 */
final class JsonNodeValues implements ImageMapper<ObjectNode> {

	static final JsonNodeValues INSTANCE = new JsonNodeValues();

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private JsonNodeValues() {
	}

	static boolean accepts(Class<?> type) {
		return JsonNode.class.isAssignableFrom(type) && type.isAssignableFrom(ObjectNode.class);
	}

	@Override
	public ObjectNode map(Map<String, AttributeValue> image) {
		return toObject(image, "");
	}

	private static ObjectNode toObject(Map<String, AttributeValue> attributes, String path) {
		ObjectNode object = nodes.objectNode();
		attributes.forEach((name, value) -> object.set(name, toNode(value, path + name)));
		return object;
	}

	private static JsonNode toNode(AttributeValue value, String path) {
		return switch (value.type()) {
			case S -> nodes.stringNode(value.s());
			case N -> toNumber(value.n());
			case B -> nodes.binaryNode(value.b().asByteArray());
			case BOOL -> nodes.booleanNode(value.bool());
			case NUL -> nodes.nullNode();
			case M -> toObject(value.m(), path + ".");
			case L -> toArray(value.l(), path);
			case SS -> toStringArray(value.ss());
			case NS -> toNumberArray(value.ns());
			case BS -> {
				ArrayNode array = nodes.arrayNode(value.bs().size());
				value.bs().forEach((bytes) -> array.add(nodes.binaryNode(bytes.asByteArray())));
				yield array;
			}
			default -> throw new ImageMappingException(path, JsonNode.class.getName(),
					"the attribute has a DynamoDB type this SDK version does not know", null);
		};
	}

	private static JsonNode toNumber(String number) {
		Number parsed = Numbers.parse(number);
		return (parsed instanceof Long integral) ? nodes.numberNode(integral.longValue())
				: nodes.numberNode((BigDecimal) parsed);
	}

	private static ArrayNode toArray(List<AttributeValue> values, String path) {
		ArrayNode array = nodes.arrayNode(values.size());
		values.forEach((value) -> array.add(toNode(value, path)));
		return array;
	}

	private static ArrayNode toStringArray(List<String> values) {
		ArrayNode array = nodes.arrayNode(values.size());
		values.forEach(array::add);
		return array;
	}

	private static ArrayNode toNumberArray(List<String> values) {
		ArrayNode array = nodes.arrayNode(values.size());
		values.forEach((value) -> array.add(toNumber(value)));
		return array;
	}

}
