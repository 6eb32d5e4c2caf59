package dev.tributary.local.event;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Converts an SDK stream record into the plain map Lambda's DynamoDB event carries for it
 * ({@code eventID}, {@code eventName}, {@code dynamodb.Keys}, {@code dynamodb.NewImage}, ...,
 * attribute values in DynamoDB JSON). Filter patterns are written against this shape, and the
 * failure destination receives it, so both look exactly as they would with Lambda.
 *
 * @author Tributary
 */
public final class LambdaRecordFormat {

	private LambdaRecordFormat() {
	}

	/**
	 * Convert one record.
	 * @param record the record
	 * @param eventSourceArn the stream's ARN
	 * @return the record as Lambda's event shows it
	 */
	public static Map<String, Object> toMap(Record record, @Nullable String eventSourceArn) {
		Map<String, Object> map = new LinkedHashMap<>();
		putIfPresent(map, "eventID", record.eventID());
		putIfPresent(map, "eventName", record.eventNameAsString());
		putIfPresent(map, "eventVersion", record.eventVersion());
		map.put("eventSource", (record.eventSource() != null) ? record.eventSource() : "aws:dynamodb");
		putIfPresent(map, "awsRegion", record.awsRegion());
		map.put("dynamodb", streamRecord(record.dynamodb()));
		putIfPresent(map, "eventSourceARN", eventSourceArn);
		if (record.userIdentity() != null) {
			map.put("userIdentity",
					Map.of("type", record.userIdentity().type(), "principalId", record.userIdentity().principalId()));
		}
		return map;
	}

	private static Map<String, Object> streamRecord(StreamRecord change) {
		Map<String, Object> map = new LinkedHashMap<>();
		if (change.approximateCreationDateTime() != null) {
			map.put("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
		}
		if (change.hasKeys()) {
			map.put("Keys", image(change.keys()));
		}
		if (change.hasNewImage()) {
			map.put("NewImage", image(change.newImage()));
		}
		if (change.hasOldImage()) {
			map.put("OldImage", image(change.oldImage()));
		}
		putIfPresent(map, "SequenceNumber", change.sequenceNumber());
		if (change.sizeBytes() != null) {
			map.put("SizeBytes", change.sizeBytes());
		}
		putIfPresent(map, "StreamViewType", change.streamViewTypeAsString());
		return map;
	}

	/**
	 * Convert an item image to DynamoDB JSON.
	 * @param image the attributes
	 * @return each attribute as a single-entry map from its type to its value
	 */
	public static Map<String, Object> image(Map<String, AttributeValue> image) {
		Map<String, Object> map = new LinkedHashMap<>();
		image.forEach((name, value) -> map.put(name, attribute(value)));
		return map;
	}

	private static Map<String, Object> attribute(AttributeValue value) {
		return switch (value.type()) {
			case S -> Map.of("S", value.s());
			case N -> Map.of("N", value.n());
			case B -> Map.of("B", base64(value.b()));
			case SS -> Map.of("SS", value.ss());
			case NS -> Map.of("NS", value.ns());
			case BS -> Map.of("BS", value.bs().stream().map(LambdaRecordFormat::base64).toList());
			case M -> Map.of("M", image(value.m()));
			case L -> Map.of("L", list(value.l()));
			case NUL -> Map.of("NULL", true);
			case BOOL -> Map.of("BOOL", value.bool());
			default -> Map.of();
		};
	}

	private static List<Object> list(List<AttributeValue> values) {
		List<Object> list = new ArrayList<>(values.size());
		values.forEach((value) -> list.add(attribute(value)));
		return list;
	}

	private static String base64(SdkBytes bytes) {
		return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
	}

	private static void putIfPresent(Map<String, Object> map, String name, @Nullable Object value) {
		if (value != null) {
			map.put(name, value);
		}
	}

}
