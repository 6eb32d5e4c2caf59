package dev.tributary.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RecordTableSchemas}, which also write records.
 *
 * @author Tributary
 */
class RecordTableSchemasTests {

	private final TableSchema<Order> schema = RecordTableSchemas.of(Order.class);

	@Test
	void roundTripsAnItemThroughAMapAndBack() {
		Map<String, AttributeValue> image = RecordImageMappingTests.fullImage();
		Order order = this.schema.mapToItem(image);
		Map<String, AttributeValue> written = this.schema.itemToMap(order, true);
		assertThat(written).containsAllEntriesOf(withoutSetOrder(image, written));
		assertThat(this.schema.mapToItem(written)).usingRecursiveComparison().isEqualTo(order);
	}

	@Test
	void writesRecordsWithRenamedAttributesAndWithoutIgnoredComponents() {
		Order order = new Order("o-1", 1, "n", new BigDecimal("1.50"), 2, false, 0.5, null,
				Instant.parse("2025-01-01T00:00:00Z"), Status.OPEN, null, null, List.of("t"), Set.of("l"), Set.of(7L),
				null, Map.of("c", 1), new Address("s", "c", 9), null, null, null, null, "not stored");
		Map<String, AttributeValue> item = this.schema.itemToMap(order, true);
		assertThat(item).containsEntry("pk", AttributeValue.fromS("o-1"))
			.containsEntry("version", AttributeValue.fromN("1"))
			.containsEntry("price", AttributeValue.fromN("1.50"))
			.containsEntry("express", AttributeValue.fromBool(false))
			.containsEntry("createdAt", AttributeValue.fromS("2025-01-01T00:00:00Z"))
			.containsEntry("status", AttributeValue.fromS("OPEN"))
			.containsEntry("labels", AttributeValue.fromSs(List.of("l")))
			.containsEntry("scores", AttributeValue.fromNs(List.of("7")))
			.containsEntry("address", RecordImageMappingTests.address("s", "c", "9"))
			.doesNotContainKeys("id", "note", "rating");
	}

	@Test
	void cachesTheSchemaPerClass() {
		assertThat(RecordTableSchemas.of(Order.class)).isSameAs(this.schema);
	}

	@Test
	void exposesAttributeNamesInComponentOrder() {
		assertThat(RecordTableSchemas.of(Address.class).attributeNames()).containsExactly("street", "town", "zip");
	}

	@Test
	void rejectsRecordsThatContainThemselves() {
		assertThatIllegalArgumentException().isThrownBy(() -> RecordTableSchemas.of(Node.class))
			.withMessageContaining(Node.class.getName())
			.withMessageContaining("recursive records are not supported");
	}

	@Test
	void rejectsComponentsTheSdkCannotConvert() {
		assertThatIllegalArgumentException().isThrownBy(() -> RecordTableSchemas.of(WithObject.class))
			.withMessageContaining(WithObject.class.getName() + ".value")
			.withMessageContaining("java.lang.Object");
	}

	@Test
	void mapsBinaryBytesByValue() {
		Order order = this.schema.mapToItem(Map.of("pk", AttributeValue.fromS("o"), "payload",
				AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 9 }))));
		assertThat(this.schema.itemToMap(order, true).get("payload").b().asByteArray()).containsExactly(9);
	}

	private static Map<String, AttributeValue> withoutSetOrder(Map<String, AttributeValue> image,
			Map<String, AttributeValue> written) {
		// Sets have no order in DynamoDB: compare those attributes as written.
		Map<String, AttributeValue> expected = new java.util.HashMap<>(image);
		for (String set : List.of("labels", "scores", "blobs")) {
			expected.put(set, written.get(set));
		}
		return expected;
	}

	record Node(String id, Node child) {
	}

	record WithObject(Object value) {
	}

}
