package dev.tributary.dynamodb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec's two directions agree: a record written as Lambda's JSON reads back as an equal
 * record, for every attribute type and view type.
 */
class DynamoDbEventCodecRoundTripTests {

	private static final String ARN = DynamoDbEventCodecReadTests.ARN;

	private final DynamoDbEventCodec codec = new DynamoDbEventCodec();

	@ParameterizedTest
	@ValueSource(strings = { "all-attribute-types.json", "insert-modify-remove.json", "keys-only.json",
			"new-image.json", "old-image.json", "new-and-old-images.json", "ttl-remove.json" })
	void everyRecordOfLambdasEventsReadsBackEqualAfterBeingWritten(String file) {
		DynamoDbStreamEvent event = read(file);
		assertThat(event.records()).isNotEmpty();
		DynamoDbStreamEvent again = roundTrip(event.records(), event.eventSourceArns());
		assertThat(again.records()).isEqualTo(event.records());
		assertThat(again.eventSourceArns()).isEqualTo(event.eventSourceArns());
		assertThat(again.malformed()).isNull();
	}

	@Test
	void everyAttributeTypeAtEveryDepthSurvivesTheRoundTrip() {
		Map<String, AttributeValue> leaves = Map.of("s", AttributeValue.fromS("text \u00e9\u6f22 \"quoted\"\n"),
				"n", AttributeValue.fromN("-12.500E+3"), "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {
						0, 1, (byte) 0xff })), "ss", AttributeValue.fromSs(List.of("x", "y")), "ns",
				AttributeValue.fromNs(List.of("1", "2.5")), "bs", AttributeValue.fromBs(List.of(
						SdkBytes.fromByteArray(new byte[] { 1 }), SdkBytes.fromByteArray(new byte[] { 2 }))), "nul",
				AttributeValue.fromNul(true), "yes", AttributeValue.fromBool(true), "no", AttributeValue.fromBool(false),
				"empty", AttributeValue.fromS(""));
		Map<String, AttributeValue> image = new java.util.LinkedHashMap<>(leaves);
		image.put("id", AttributeValue.fromS("item-1"));
		image.put("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(leaves), "emptyMap",
				AttributeValue.fromM(Map.of()))));
		image.put("l", AttributeValue.fromL(List.of(AttributeValue.fromM(leaves),
				AttributeValue.fromL(List.of(AttributeValue.fromN("1"))), AttributeValue.fromL(List.of()))));
		Record record = record(StreamViewType.NEW_AND_OLD_IMAGES, image, image, Instant.ofEpochSecond(1700000000));
		assertThat(roundTrip(List.of(record), List.of(ARN)).records()).containsExactly(record);
	}

	@ParameterizedTest
	@EnumSource(value = StreamViewType.class, names = "UNKNOWN_TO_SDK_VERSION", mode = EnumSource.Mode.EXCLUDE)
	void eachViewTypeSurvivesTheRoundTrip(StreamViewType viewType) {
		Map<String, AttributeValue> newImage = Map.of("id", AttributeValue.fromS("item-1"), "content",
				AttributeValue.fromS("new"));
		Map<String, AttributeValue> oldImage = Map.of("id", AttributeValue.fromS("item-1"), "content",
				AttributeValue.fromS("old"));
		boolean withNew = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
		boolean withOld = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
		Record record = record(viewType, withNew ? newImage : null, withOld ? oldImage : null,
				Instant.ofEpochSecond(1700000000, 250_000_000));
		assertThat(roundTrip(List.of(record), List.of(ARN)).records()).containsExactly(record);
	}

	@Test
	void aTimeToLiveDeletionKeepsItsServiceIdentity() {
		Record record = record(StreamViewType.OLD_IMAGE, null, Map.of("id", AttributeValue.fromS("item-1")),
				Instant.ofEpochSecond(1700000000))
			.toBuilder()
			.eventName(OperationType.REMOVE)
			.userIdentity(Identity.builder().type("Service").principalId("dynamodb.amazonaws.com").build())
			.build();
		assertThat(roundTrip(List.of(record), List.of(ARN)).records()).containsExactly(record);
	}

	@Test
	@SuppressWarnings("unchecked")
	void writtenRecordsHaveTheFieldNamesOfLambdasEvent() {
		Record record = record(StreamViewType.NEW_IMAGE, Map.of("id", AttributeValue.fromS("item-1")), null,
				Instant.ofEpochSecond(1700000000));
		Map<String, Object> written = this.codec.toLambdaRecord(record, ARN);
		assertThat(written).containsKeys("eventID", "eventName", "eventVersion", "eventSource", "awsRegion",
				"dynamodb", "eventSourceARN");
		assertThat(written.get("eventSource")).isEqualTo("aws:dynamodb");
		assertThat(written.get("eventSourceARN")).isEqualTo(ARN);
		assertThat((Map<String, Object>) written.get("dynamodb")).containsEntry("ApproximateCreationDateTime", 1700000000L)
			.containsEntry("Keys", Map.of("id", Map.of("S", "item-1")))
			.containsEntry("SequenceNumber", "100")
			.containsEntry("StreamViewType", "NEW_IMAGE");
	}

	private DynamoDbStreamEvent roundTrip(List<Record> records, List<String> arns) {
		List<Map<String, Object>> written = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			written.add(this.codec.toLambdaRecord(records.get(i), arns.get(i)));
		}
		byte[] json = JsonMapper.shared().writeValueAsBytes(Map.of("Records", written));
		return this.codec.read(new ByteArrayInputStream(json));
	}

	private static Record record(StreamViewType viewType, Map<String, AttributeValue> newImage,
			Map<String, AttributeValue> oldImage, Instant created) {
		StreamRecord.Builder change = StreamRecord.builder()
			.keys(Map.of("id", AttributeValue.fromS("item-1")))
			.sequenceNumber("100")
			.sizeBytes(42L)
			.streamViewType(viewType)
			.approximateCreationDateTime(created);
		if (newImage != null) {
			change.newImage(newImage);
		}
		if (oldImage != null) {
			change.oldImage(oldImage);
		}
		return Record.builder()
			.eventID("e1")
			.eventName(OperationType.MODIFY)
			.eventVersion("1.1")
			.eventSource("aws:dynamodb")
			.awsRegion("eu-west-1")
			.dynamodb(change.build())
			.build();
	}

	private DynamoDbStreamEvent read(String name) {
		try (InputStream input = new ClassPathResource("events/" + name).getInputStream()) {
			return this.codec.read(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
