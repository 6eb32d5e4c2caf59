package dev.tributary.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

public class DynamoDbEventCodecReadTests {

	public static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Items/stream/2024-01-01T00:00:00.000";

	private final DynamoDbEventCodec codec = new DynamoDbEventCodec();

	@Test
	void parsesInsertModifyAndRemoveRecordsInOrder() {
		DynamoDbStreamEvent event = parse("insert-modify-remove.json");
		assertThat(event.records()).extracting(Record::eventName)
			.containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
		assertThat(event.eventSourceArns()).containsOnly(ARN);
		assertThat(event.eventSourceArn()).isEqualTo(ARN);
		Record insert = event.records().get(0);
		assertThat(insert.eventID()).isEqualTo("e1");
		assertThat(insert.eventVersion()).isEqualTo("1.1");
		assertThat(insert.eventSource()).isEqualTo("aws:dynamodb");
		assertThat(insert.awsRegion()).isEqualTo("us-east-1");
		assertThat(insert.userIdentity()).isNull();
		assertThat(insert.dynamodb().sequenceNumber()).isEqualTo("100000000000000000001");
		assertThat(insert.dynamodb().sizeBytes()).isEqualTo(64L);
		assertThat(insert.dynamodb().keys()).isEqualTo(Map.of("id", AttributeValue.fromS("one")));
		assertThat(insert.dynamodb().newImage()).containsEntry("content", AttributeValue.fromS("first"));
		assertThat(insert.dynamodb().hasOldImage()).isFalse();
		Record modify = event.records().get(1);
		assertThat(modify.dynamodb().oldImage()).containsEntry("content", AttributeValue.fromS("first"));
		assertThat(modify.dynamodb().newImage()).containsEntry("content", AttributeValue.fromS("updated"));
		assertThat(event.records().get(2).dynamodb().hasNewImage()).isFalse();
	}

	@Test
	void keepsFractionalCreationTimes() {
		List<Record> records = parse("insert-modify-remove.json").records();
		assertThat(records.get(0).dynamodb().approximateCreationDateTime())
			.isEqualTo(Instant.ofEpochSecond(1700000000L, 500_000_000L));
		assertThat(records.get(1).dynamodb().approximateCreationDateTime())
			.isEqualTo(Instant.ofEpochSecond(1700000001L));
	}

	@Test
	void parsesTheServiceIdentityOfTtlDeletes() {
		Record record = parse("ttl-remove.json").records().get(0);
		assertThat(record.userIdentity().type()).isEqualTo("Service");
		assertThat(record.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
	}

	@Test
	void parsesEveryAttributeType() {
		Map<String, AttributeValue> image = parse("all-attribute-types.json").records().get(0).dynamodb().newImage();
		assertThat(image.get("s")).isEqualTo(AttributeValue.fromS("text"));
		assertThat(image.get("n")).isEqualTo(AttributeValue.fromN("-12.50"));
		assertThat(image.get("b")).isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 1, 2, 3 })));
		assertThat(image.get("ss")).isEqualTo(AttributeValue.fromSs(List.of("x", "y")));
		assertThat(image.get("ns")).isEqualTo(AttributeValue.fromNs(List.of("1", "2.5")));
		assertThat(image.get("bs")).isEqualTo(AttributeValue.fromBs(
				List.of(SdkBytes.fromByteArray(new byte[] { 1 }), SdkBytes.fromByteArray(new byte[] { 2 }))));
		assertThat(image.get("m")).isEqualTo(AttributeValue.fromM(Map.of("nested", AttributeValue.fromS("v"), "deeper",
				AttributeValue.fromM(Map.of("flag", AttributeValue.fromBool(false))))));
		assertThat(image.get("l")).isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("a"),
				AttributeValue.fromN("1"), AttributeValue.fromNul(true),
				AttributeValue.fromL(List.of(AttributeValue.fromBool(true))))));
		assertThat(image.get("nul")).isEqualTo(AttributeValue.fromNul(true));
		assertThat(image.get("bool")).isEqualTo(AttributeValue.fromBool(true));
		assertThat(image).hasSize(11);
	}

	@Test
	void parsesEachViewType() {
		Record keysOnly = parse("keys-only.json").records().get(0);
		assertThat(keysOnly.dynamodb().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
		assertThat(keysOnly.dynamodb().hasNewImage()).isFalse();
		assertThat(keysOnly.dynamodb().hasOldImage()).isFalse();
		Record newImage = parse("new-image.json").records().get(0);
		assertThat(newImage.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
		assertThat(newImage.dynamodb().newImage()).containsEntry("content", AttributeValue.fromS("new"));
		assertThat(newImage.dynamodb().hasOldImage()).isFalse();
		Record oldImage = parse("old-image.json").records().get(0);
		assertThat(oldImage.dynamodb().streamViewType()).isEqualTo(StreamViewType.OLD_IMAGE);
		assertThat(oldImage.dynamodb().oldImage()).containsEntry("content", AttributeValue.fromS("old"));
		assertThat(oldImage.dynamodb().hasNewImage()).isFalse();
		Record both = parse("new-and-old-images.json").records().get(0);
		assertThat(both.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
		assertThat(both.dynamodb().newImage()).containsEntry("content", AttributeValue.fromS("new"));
		assertThat(both.dynamodb().oldImage()).containsEntry("content", AttributeValue.fromS("old"));
	}

	@Test
	void parsesAnEmptyEvent() {
		DynamoDbStreamEvent event = parse("empty.json");
		assertThat(event.records()).isEmpty();
		assertThat(event.eventSourceArn()).isNull();
	}

	@Test
	void returnsTheRecordsBeforeTheFirstMalformedOneAndThatRecordBySequenceNumber() {
		DynamoDbStreamEvent event = parse("hostile/wrong-attribute-shape-before-sequence-number.json");
		assertThat(event.records()).extracting((record) -> record.dynamodb().sequenceNumber())
			.containsExactly("500000000000000000001");
		assertThat(event.eventSourceArns()).containsExactly(ARN);
		assertThat(event.malformed()).isEqualTo(new DynamoDbStreamEvent.MalformedRecord(1, "500000000000000000002", "h2",
				"dynamodb.NewImage.tags.L[2]: expected an attribute value object such as {\"S\": ...}, found a JSON string"));
	}

	@Test
	void listsEveryProblemOfAMalformedRecord() {
		DynamoDbStreamEvent event = parse("hostile/text-field-holding-object.json");
		assertThat(event.malformed().reason())
			.isEqualTo("eventID: expected a string, found a JSON object; eventID is missing");
	}

	@Test
	void ignoresTypeKeysWhoseValueIsNull() {
		Map<String, AttributeValue> image = parse("hostile/null-type-keys.json").records().get(0).dynamodb().newImage();
		assertThat(image).containsEntry("id", AttributeValue.fromS("item-1")).hasSize(2);
	}

	@Test
	void failsOnARecordsElementThatIsNotAnObject() {
		assertThatExceptionOfType(DynamoDbEventException.class)
			.isThrownBy(() -> parse("hostile/non-object-element.json"))
			.withMessage("Records[1] is a JSON number, not a record; it has no sequence number to report it by, so the "
					+ "invocation fails as a whole so that Lambda retries the batch and nothing is lost");
	}

	private DynamoDbStreamEvent parse(String name) {
		try (InputStream input = new ClassPathResource("events/" + name).getInputStream()) {
			return this.codec.read(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
