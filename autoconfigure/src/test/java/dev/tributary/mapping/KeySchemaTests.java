package dev.tributary.mapping;

import java.time.Instant;
import java.util.Map;

import dev.tributary.KeyAttribute;
import dev.tributary.KeyAttribute.ScalarType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ImageMappers#keySchemaOf(ResolvableType)}.
 *
 * @author Tributary
 */
class KeySchemaTests {

	@Test
	void recordKeysHonourRenamesAndJavaTypes() {
		assertThat(ImageMappers.keySchemaOf(ResolvableType.forClass(Order.class)))
			.contains(new KeySchema(new KeyAttribute("pk", ScalarType.S), new KeyAttribute("version", ScalarType.N)));
	}

	@Test
	void recordWithBinaryPartitionKeyAndNoSortKey() {
		assertThat(ImageMappers.keySchemaOf(ResolvableType.forClass(BinaryKeyed.class)))
			.contains(new KeySchema(new KeyAttribute("key", ScalarType.B), null));
	}

	@Test
	void recordWithInstantSortKeyStoresItAsString() {
		assertThat(ImageMappers.keySchemaOf(ResolvableType.forClass(TimeKeyed.class)))
			.contains(new KeySchema(new KeyAttribute("tenant", ScalarType.N), new KeyAttribute("at", ScalarType.S)));
	}

	@Test
	void beanKeysComeFromAnnotatedGetters() {
		assertThat(ImageMappers.keySchemaOf(ResolvableType.forClass(CustomerBean.class)))
			.contains(new KeySchema(new KeyAttribute("cid", ScalarType.S), new KeyAttribute("age", ScalarType.N)));
	}

	@Test
	void immutableClassKeysComeFromAnnotatedAccessors() {
		assertThat(ImageMappers.keySchemaOf(ResolvableType.forClass(Shipment.class)))
			.contains(new KeySchema(new KeyAttribute("trackingId", ScalarType.S), null));
	}

	@Test
	void recordWithoutKeyAnnotationsHasNoKeySchema() {
		assertThat(ImageMappers.keySchemaOf(ResolvableType.forClass(Address.class))).isEmpty();
	}

	@Test
	void mapsJsonTreesAndUnsupportedTypesHaveNoKeySchema() {
		assertThat(ImageMappers.keySchemaOf(ResolvableType.forClassWithGenerics(Map.class, String.class,
				AttributeValue.class))).isEmpty();
		assertThat(ImageMappers.keySchemaOf(ResolvableType.forClassWithGenerics(Map.class, String.class,
				Object.class))).isEmpty();
		assertThat(ImageMappers.keySchemaOf(ResolvableType.forClass(JsonNode.class))).isEmpty();
		assertThat(ImageMappers.keySchemaOf(ResolvableType.forClass(String.class))).isEmpty();
	}

	record BinaryKeyed(@DynamoDbPartitionKey SdkBytes key, String value) {
	}

	record TimeKeyed(@DynamoDbPartitionKey @DynamoDbAttribute("tenant") int tenantId, @DynamoDbSortKey Instant at) {
	}

}
