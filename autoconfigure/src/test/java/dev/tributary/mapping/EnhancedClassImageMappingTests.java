package dev.tributary.mapping;

import java.util.List;
import java.util.Map;

import dev.tributary.ImageMapper;
import dev.tributary.ImageMappingException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for mapping images to {@code @DynamoDbBean} and {@code @DynamoDbImmutable} classes.
 *
 * @author Tributary
 */
class EnhancedClassImageMappingTests {

	private final ImageMapper<CustomerBean> beans = ImageMappers.forType(ResolvableType.forClass(CustomerBean.class));

	private final ImageMapper<Shipment> immutables = ImageMappers.forType(ResolvableType.forClass(Shipment.class));

	@Test
	void mapsBeansWithRenamedAttributes() {
		CustomerBean customer = this.beans.map(Map.of("cid", AttributeValue.fromS("c-1"), "age",
				AttributeValue.fromN("42"), "emails", AttributeValue.fromL(List.of(AttributeValue.fromS("a@b.c")))));
		assertThat(customer.getCustomerId()).isEqualTo("c-1");
		assertThat(customer.getAge()).isEqualTo(42);
		assertThat(customer.getEmails()).containsExactly("a@b.c");
	}

	@Test
	void mapsImmutableClasses() {
		Shipment shipment = this.immutables.map(Map.of("trackingId", AttributeValue.fromS("t-1"), "weightGrams",
				AttributeValue.fromN("250")));
		assertThat(shipment.trackingId()).isEqualTo("t-1");
		assertThat(shipment.weightGrams()).isEqualTo(250L);
	}

	@Test
	void imageWithoutAnyKnownAttributeStillMapsToABean() {
		assertThat(this.beans.map(Map.of("other", AttributeValue.fromS("x")))).isNotNull();
	}

	@Test
	void beanConversionFailureNamesTheAttributeButNotTheValue() {
		assertThatExceptionOfType(ImageMappingException.class)
			.isThrownBy(() -> this.beans.map(Map.of("cid", AttributeValue.fromS("c-1"), "age",
					AttributeValue.fromS("secret-age"))))
			.withMessageStartingWith("Cannot map attribute 'age' to java.lang.Integer: DynamoDB type S")
			.withMessageNotContaining("secret-age")
			.satisfies((ex) -> assertThat(ex.getCause()).hasMessageNotContaining("secret-age"));
	}

}
