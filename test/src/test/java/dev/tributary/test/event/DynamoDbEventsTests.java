package dev.tributary.test.event;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import dev.tributary.EventName;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.dynamodb.DynamoDbStreamEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DynamoDbEventsTests {

	@Test
	void theEventReadsBackIntoTheRecordsItWasBuiltFrom() {
		DynamoDbEvents events = DynamoDbEvents.forTable("Items")
			.insert(new Item("one", "first", 1))
			.modify(new Item("one", "first", 1), new Item("one", "second", 2))
			.remove(new Item("one", "second", 2));
		DynamoDbStreamEvent read = new DynamoDbEventCodec().read(new ByteArrayInputStream(events.build().bytes()));
		assertThat(read.malformed()).isNull();
		assertThat(read.records()).isEqualTo(events.sdkRecords());
		assertThat(read.eventSourceArn())
			.isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/Items/stream/2026-01-01T00:00:00.000");
	}

	@Test
	void recordsCarryKeysImagesEventNamesAndSequenceNumbersInOrder() {
		List<StreamRecord<Item>> records = DynamoDbEvents.forTable("Items")
			.insert(new Item("one", "first", 1))
			.modify(new Item("one", "first", 1), new Item("one", "second", 2))
			.remove(new Item("one", "second", 2))
			.records(Item.class);
		assertThat(records).extracting(StreamRecord::eventName)
			.containsExactly(EventName.INSERT, EventName.MODIFY, EventName.REMOVE);
		assertThat(records).extracting(StreamRecord::sequenceNumber).containsExactly("100", "200", "300");
		assertThat(records).allSatisfy((record) -> assertThat(record.keys()).containsExactly(
				Map.entry("id", AttributeValue.fromS("one"))));
		assertThat(records.get(0).oldImage()).isEmpty();
		assertThat(records.get(1).oldImage()).contains(new Item("one", "first", 1));
		assertThat(records.get(1).newImage()).contains(new Item("one", "second", 2));
		assertThat(records.get(2).newImage()).isEmpty();
		assertThat(records.get(1).newImageAttributes()).containsEntry("count", AttributeValue.fromN("2"));
	}

	@Test
	void aKeysOnlyStreamCarriesNoImages() {
		List<StreamRecord<Item>> records = DynamoDbEvents.forTable("Items")
			.viewType(StreamViewType.KEYS_ONLY)
			.modify(new Item("one", "first", 1), new Item("one", "second", 2))
			.records(Item.class);
		assertThat(records).singleElement().satisfies((record) -> {
			assertThat(record.keys()).containsOnlyKeys("id");
			assertThat(record.newImage()).isEmpty();
			assertThat(record.oldImage()).isEmpty();
		});
	}

	@Test
	void anExpiredItemIsATimeToLiveRemove() {
		StreamRecord<Item> record = DynamoDbEvents.forTable("Items")
			.expire(new Item("one", "first", 1))
			.records(Item.class)
			.get(0);
		assertThat(record.eventName()).isEqualTo(EventName.REMOVE);
		assertThat(record.isTtlExpiry()).isTrue();
	}

	@Test
	void beansAreMappedWithTheirPartitionAndSortKeys() {
		StreamRecord<Account> record = DynamoDbEvents.forTable("Accounts")
			.insert(new Account("ann", "savings", 100))
			.records(Account.class)
			.get(0);
		assertThat(record.keys()).containsOnlyKeys("owner", "name");
		assertThat(record.newImage()).hasValueSatisfying((account) -> assertThat(account.getBalance()).isEqualTo(100));
	}

	@Test
	void mapImagesNeedTheirKeysNamed() {
		Map<String, AttributeValue> image = Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("7"));
		assertThatIllegalStateException().isThrownBy(() -> DynamoDbEvents.forTable("Raw").insert(image))
			.withMessageContaining("keys(\"id\", ...)");
		List<StreamRecord<Map<String, Object>>> records = DynamoDbEvents.forTable("Raw")
			.keys("pk")
			.insert(image)
			.records(ResolvableType.forType(new ParameterizedTypeReference<Map<String, Object>>() {
			}));
		assertThat(records.get(0).keys()).containsOnlyKeys("pk");
		assertThat(records.get(0).newImage()).hasValueSatisfying((values) -> assertThat(values).containsEntry("n", 7L));
	}

	@Test
	void aTypeWithoutKeyAnnotationsIsRefusedWithAMessageThatSaysWhatToDo() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DynamoDbEvents.forTable("Items").insert(new Unkeyed("one")))
			.withMessageContaining("@DynamoDbPartitionKey");
	}

	record Item(@DynamoDbPartitionKey String id, String content, int count) {

	}

	record Unkeyed(String id) {

	}

}
