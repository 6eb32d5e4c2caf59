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
 * Tests for the failures of mapping images to records: they name the attribute and the target
 * type, and never the value.
 *
 * @author Tributary
 */
class RecordMappingFailureTests {

	private final ImageMapper<Order> mapper = ImageMappers.forType(ResolvableType.forClass(Order.class));

	@Test
	void stringThatIsNotANumberNamesTheAttributeAndTheComponentType() {
		assertThatExceptionOfType(ImageMappingException.class)
			.isThrownBy(() -> map("quantity", AttributeValue.fromS("secret-abc")))
			.satisfies((ex) -> {
				assertThat(ex.getAttribute()).isEqualTo("quantity");
				assertThat(ex.getTargetType()).isEqualTo("int");
			})
			.withMessage("Cannot map attribute 'quantity' to int: DynamoDB type S cannot be converted to it "
					+ "(NumberFormatException)")
			.withMessageNotContaining("secret-abc");
	}

	@Test
	void causeKeepsTheSdkExceptionTypeButNotItsMessage() {
		assertThatExceptionOfType(ImageMappingException.class)
			.isThrownBy(() -> map("quantity", AttributeValue.fromS("secret-abc")))
			.havingCause()
			.isInstanceOf(RedactedException.class)
			.withMessageContaining("NumberFormatException")
			.withMessageNotContaining("secret-abc");
	}

	@Test
	void mapWhereAStringIsExpectedIsATypeMismatch() {
		assertThatExceptionOfType(ImageMappingException.class)
			.isThrownBy(() -> map("name", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")))))
			.withMessage("Cannot map attribute 'name' to java.lang.String: DynamoDB type M cannot be converted to it");
	}

	@Test
	void stringWhereANestedRecordIsExpectedIsATypeMismatchNotNull() {
		assertThatExceptionOfType(ImageMappingException.class)
			.isThrownBy(() -> map("address", AttributeValue.fromS("Main St")))
			.withMessage("Cannot map attribute 'address' to dev.tributary.mapping.Address: "
					+ "DynamoDB type S cannot be converted to it");
	}

	@Test
	void stringWhereAListIsExpectedIsATypeMismatch() {
		assertThatExceptionOfType(ImageMappingException.class)
			.isThrownBy(() -> map("tags", AttributeValue.fromS("a")))
			.withMessageStartingWith("Cannot map attribute 'tags' to java.util.List<java.lang.String>: DynamoDB type S");
	}

	@Test
	void failureInANestedRecordNamesThePath() {
		AttributeValue address = AttributeValue.fromM(Map.of("town", AttributeValue.fromL(List.of())));
		assertThatExceptionOfType(ImageMappingException.class).isThrownBy(() -> map("address", address))
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo("address.town"))
			.withMessage("Cannot map attribute 'address.town' to java.lang.String: DynamoDB type L cannot be converted to it");
	}

	@Test
	void failureInARecordInsideAListNamesThePath() {
		AttributeValue address = AttributeValue.fromM(Map.of("zip", AttributeValue.fromS("secret-zip")));
		assertThatExceptionOfType(ImageMappingException.class)
			.isThrownBy(() -> map("previousAddresses", AttributeValue.fromL(List.of(address))))
			.withMessageStartingWith("Cannot map attribute 'previousAddresses.zip' to int: DynamoDB type S")
			.withMessageNotContaining("secret-zip");
	}

	@Test
	void unknownEnumConstantNamesTheAttribute() {
		assertThatExceptionOfType(ImageMappingException.class)
			.isThrownBy(() -> map("status", AttributeValue.fromS("LOST")))
			.withMessageStartingWith("Cannot map attribute 'status' to dev.tributary.mapping.Status: DynamoDB type S")
			.withMessageNotContaining("LOST");
	}

	@Test
	void canonicalConstructorFailureIsReportedForTheWholeImage() {
		ImageMapper<Validated> validated = ImageMappers.forType(ResolvableType.forClass(Validated.class));
		assertThatExceptionOfType(ImageMappingException.class)
			.isThrownBy(() -> validated.map(Map.of("count", AttributeValue.fromN("-1"))))
			.withMessage("Cannot map attribute '*' to " + Validated.class.getName()
					+ ": its canonical constructor threw java.lang.IllegalArgumentException")
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class);
	}

	private Order map(String attribute, AttributeValue value) {
		return this.mapper.map(Map.of("pk", AttributeValue.fromS("o-1"), attribute, value));
	}

	record Validated(int count) {

		Validated {
			if (count < 0) {
				throw new IllegalArgumentException("count must not be negative");
			}
		}

	}

}
