package dev.tributary.dynamodb;

import java.util.Map;

import dev.tributary.ImageMapper;
import dev.tributary.StreamChange;
import dev.tributary.StreamRecord;
import dev.tributary.mapping.ImageMappers;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ResolvableType;

/**
 * Writes a DynamoDB stream record as the JSON of a {@link StreamChange}: the body
 * {@link dev.tributary.SqsFanOut#changesTo(String)} sends, with the item's attributes as plain
 * JSON. Fields without a value (an image the view type leaves out, an unknown creation time) are
 * left out.
 *
 * @author Tributary
 */
public final class StreamChangeJson {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ImageMapper<ObjectNode> nodes = ImageMappers.forType(ResolvableType.forClass(ObjectNode.class));

	private StreamChangeJson() {
	}

	/**
	 * The JSON of one change.
	 * @param record the stream record
	 * @return the JSON text
	 */
	public static String write(StreamRecord<?> record) {
		ObjectNode change = json.createObjectNode();
		change.put("eventName", record.eventName().name());
		change.set("keys", nodes.map(record.keys()));
		putImage(change, "newImage", record.newImageAttributes());
		putImage(change, "oldImage", record.oldImageAttributes());
		change.put("sequenceNumber", record.sequenceNumber());
		record.approximateCreationTime().ifPresent((time) -> change.put("approximateCreationTime", time.toString()));
		if (!record.eventSourceArn().isEmpty()) {
			change.put("eventSourceArn", record.eventSourceArn());
		}
		return json.writeValueAsString(change);
	}

	private static void putImage(ObjectNode change, String field, Map<String, AttributeValue> image) {
		if (!image.isEmpty()) {
			change.set(field, nodes.map(image));
		}
	}

}
