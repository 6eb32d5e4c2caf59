package dev.tributary.mapping;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.ImageMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for mapping images to Java records.
 *
 * @author Tributary
 */
class RecordImageMappingTests {

	private final ImageMapper<Order> mapper = ImageMappers.forType(ResolvableType.forClass(Order.class));

	@Test
	void mapsEveryScalarType() {
		Order order = this.mapper.map(fullImage());
		assertThat(order.id()).isEqualTo("o-1");
		assertThat(order.version()).isEqualTo(3L);
		assertThat(order.name()).isEqualTo("Widget");
		assertThat(order.price()).isEqualByComparingTo("19.99");
		assertThat(order.quantity()).isEqualTo(2);
		assertThat(order.express()).isTrue();
		assertThat(order.weight()).isEqualTo(1.5);
		assertThat(order.rating()).isEqualTo(5);
		assertThat(order.createdAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
		assertThat(order.status()).isEqualTo(Status.SHIPPED);
		assertThat(order.payload()).containsExactly(1, 2, 3);
		assertThat(order.blob()).isEqualTo(SdkBytes.fromUtf8String("blob"));
	}

	@Test
	void mapsListsSetsAndMaps() {
		Order order = this.mapper.map(fullImage());
		assertThat(order.tags()).containsExactly("a", "b");
		assertThat(order.labels()).containsExactlyInAnyOrder("x", "y");
		assertThat(order.scores()).containsExactlyInAnyOrder(1L, 2L);
		assertThat(order.blobs()).containsExactly(SdkBytes.fromUtf8String("z"));
		assertThat(order.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("red", 1, "blue", 2));
	}

	@Test
	void mapsNestedRecordsAlsoInListsAndMaps() {
		Order order = this.mapper.map(fullImage());
		assertThat(order.address()).isEqualTo(new Address("Main St", "Springfield", 12345));
		assertThat(order.previousAddresses()).containsExactly(new Address("Old St", "Shelbyville", 1));
		assertThat(order.addressesByKind()).containsEntry("billing", new Address("Bill St", "Capital City", 2));
	}

	@Test
	void mapsNestedBeansAndImmutableClasses() {
		Order order = this.mapper.map(fullImage());
		assertThat(order.customer().getCustomerId()).isEqualTo("c-1");
		assertThat(order.customer().getEmails()).containsExactly("c@example.com");
		assertThat(order.shipment().trackingId()).isEqualTo("t-1");
		assertThat(order.shipment().weightGrams()).isEqualTo(250L);
	}

	@Test
	void missingAttributesMapToNullOrPrimitiveDefaults() {
		Order order = this.mapper.map(Map.of("pk", AttributeValue.fromS("o-1")));
		assertThat(order.id()).isEqualTo("o-1");
		assertThat(order.version()).isZero();
		assertThat(order.quantity()).isZero();
		assertThat(order.express()).isFalse();
		assertThat(order.weight()).isZero();
		assertThat(order.name()).isNull();
		assertThat(order.rating()).isNull();
		assertThat(order.address()).isNull();
		assertThat(order.tags()).isNull();
	}

	@Test
	void nullAttributesMapToNullOrPrimitiveDefaults() {
		Order order = this.mapper.map(Map.of("pk", AttributeValue.fromS("o-1"), "name", AttributeValue.fromNul(true),
				"quantity", AttributeValue.fromNul(true), "address", AttributeValue.fromNul(true)));
		assertThat(order.name()).isNull();
		assertThat(order.quantity()).isZero();
		assertThat(order.address()).isNull();
	}

	@Test
	void imageWithoutAnyKnownAttributeStillMapsToARecord() {
		Order order = this.mapper.map(Map.of("unknown", AttributeValue.fromS("x")));
		assertThat(order).isNotNull();
		assertThat(order.id()).isNull();
	}

	@Test
	void renamedAttributesAreReadByTheirAttributeName() {
		Order order = this.mapper.map(Map.of("id", AttributeValue.fromS("ignored"), "pk", AttributeValue.fromS("o-9")));
		assertThat(order.id()).isEqualTo("o-9");
	}

	@Test
	void ignoredComponentsGetNullEvenWhenTheImageHasThem() {
		Order order = this.mapper.map(Map.of("pk", AttributeValue.fromS("o-1"), "note", AttributeValue.fromS("n")));
		assertThat(order.note()).isNull();
	}

	@Test
	void nestedEmptyMapMapsToNullLikeTheEnhancedClient() {
		Order order = this.mapper.map(Map.of("pk", AttributeValue.fromS("o-1"), "address", AttributeValue.fromM(Map.of())));
		assertThat(order.address()).isNull();
	}

	static Map<String, AttributeValue> fullImage() {
		Map<String, AttributeValue> image = new HashMap<>();
		image.put("pk", AttributeValue.fromS("o-1"));
		image.put("version", AttributeValue.fromN("3"));
		image.put("name", AttributeValue.fromS("Widget"));
		image.put("price", AttributeValue.fromN("19.99"));
		image.put("quantity", AttributeValue.fromN("2"));
		image.put("express", AttributeValue.fromBool(true));
		image.put("weight", AttributeValue.fromN("1.5"));
		image.put("rating", AttributeValue.fromN("5"));
		image.put("createdAt", AttributeValue.fromS("2025-01-02T03:04:05Z"));
		image.put("status", AttributeValue.fromS("SHIPPED"));
		image.put("payload", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] { 1, 2, 3 })));
		image.put("blob", AttributeValue.fromB(SdkBytes.fromUtf8String("blob")));
		image.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("b"))));
		image.put("labels", AttributeValue.fromSs(List.of("x", "y")));
		image.put("scores", AttributeValue.fromNs(List.of("1", "2")));
		image.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("z"))));
		image.put("counts",
				AttributeValue.fromM(Map.of("red", AttributeValue.fromN("1"), "blue", AttributeValue.fromN("2"))));
		image.put("address", address("Main St", "Springfield", "12345"));
		image.put("previousAddresses", AttributeValue.fromL(List.of(address("Old St", "Shelbyville", "1"))));
		image.put("addressesByKind", AttributeValue.fromM(Map.of("billing", address("Bill St", "Capital City", "2"))));
		image.put("customer", AttributeValue.fromM(Map.of("cid", AttributeValue.fromS("c-1"), "age",
				AttributeValue.fromN("42"), "emails", AttributeValue.fromL(List.of(AttributeValue.fromS("c@example.com"))))));
		image.put("shipment", AttributeValue.fromM(Map.of("trackingId", AttributeValue.fromS("t-1"), "weightGrams",
				AttributeValue.fromN("250"))));
		return image;
	}

	static AttributeValue address(String street, String city, String zip) {
		return AttributeValue.fromM(Map.of("street", AttributeValue.fromS(street), "town", AttributeValue.fromS(city),
				"zip", AttributeValue.fromN(zip)));
	}

}
