package dev.tributary.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import dev.tributary.EventName;
import dev.tributary.StreamChange;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.kinesis.PayloadMapper;
import dev.tributary.kinesis.PayloadMappers;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

class StreamChangeJsonTests {

	private static final String ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/Items/stream/2026-12-02T00:00:00.000";

	@Test
	void aChangeIsWrittenWithPlainJsonImagesAndReadBackAsAStreamChangeOfTheItemType() {
		StreamRecord<Item> record = record(EventName.MODIFY,
				Map.of("id", s("one"), "content", s("updated"), "size", n("12.50")),
				Map.of("id", s("one"), "content", s("first"), "size", n("3")));
		String json = StreamChangeJson.write(record);
		assertThat(json).contains("\"eventName\":\"MODIFY\"", "\"keys\":{\"id\":\"one\"}", "\"size\":12.50",
				"\"approximateCreationTime\":\"2026-12-02T10:15:30Z\"", "\"eventSourceArn\":\"" + ARN + "\"");
		PayloadMapper<StreamChange<Item>> mapper = PayloadMappers
			.forType(ResolvableType.forClassWithGenerics(StreamChange.class, Item.class));
		StreamChange<Item> change = mapper.map(json.getBytes(StandardCharsets.UTF_8));
		assertThat(change.eventName()).isEqualTo(EventName.MODIFY);
		assertThat(change.keys()).containsEntry("id", "one");
		assertThat(change.newImage()).isEqualTo(new Item("one", "updated"));
		assertThat(change.oldImage()).isEqualTo(new Item("one", "first"));
		assertThat(change.sequenceNumber()).isEqualTo("4200");
		assertThat(change.approximateCreationTime()).isEqualTo(Instant.parse("2026-12-02T10:15:30Z"));
	}

	@Test
	void aRemovalHasNoNewImageAndBinaryAttributesAreBase64() {
		StreamRecord<Item> record = record(EventName.REMOVE, Map.of(),
				Map.of("id", s("one"), "blob", AttributeValue.fromB(SdkBytes.fromUtf8String("hi"))));
		String json = StreamChangeJson.write(record);
		assertThat(json).doesNotContain("newImage").contains("\"oldImage\":{", "\"blob\":\"aGk=\"");
	}

	private static StreamRecord<Item> record(EventName eventName, Map<String, AttributeValue> newImage,
			Map<String, AttributeValue> oldImage) {
		return StreamRecord.<Item>builder()
			.eventId("e1")
			.eventName(eventName)
			.keys(Map.of("id", s("one")))
			.newImage(null, newImage)
			.oldImage(null, oldImage)
			.sequenceNumber("4200")
			.approximateCreationTime(Instant.parse("2026-12-02T10:15:30Z"))
			.sizeBytes(42)
			.streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
			.eventSourceArn(ARN)
			.build();
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	private static AttributeValue n(String value) {
		return AttributeValue.fromN(value);
	}

	record Item(String id, String content) {
	}

}
