package dev.tributary.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An image with one attribute of every DynamoDB type, for the schemaless targets.
 */
final class AllTypesImage {

	private AllTypesImage() {
	}

	static Map<String, AttributeValue> create() {
		Map<String, AttributeValue> image = new LinkedHashMap<>();
		image.put("s", AttributeValue.fromS("text"));
		image.put("n", AttributeValue.fromN("42"));
		image.put("decimal", AttributeValue.fromN("1.50"));
		image.put("big", AttributeValue.fromN("12345678901234567890"));
		image.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 1, 2 })));
		image.put("bool", AttributeValue.fromBool(true));
		image.put("nul", AttributeValue.fromNul(true));
		image.put("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromS("x"))));
		image.put("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("y"))));
		image.put("ss", AttributeValue.fromSs(List.of("a", "b")));
		image.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
		image.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] { 3 }))));
		return image;
	}

}
