package dev.tributary.mapping;

import java.util.List;
import java.util.Map;

import dev.tributary.ImageMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ImageMappers} resolution and the raw {@code Map<String, AttributeValue>}.
 *
 * @author Tributary
 */
class ImageMappersTests {

	private static final String SUPPORTED = "use a Java record, a @DynamoDbBean or @DynamoDbImmutable class, "
			+ "Map<String, AttributeValue>, Map<String, Object> or JsonNode";

	@Test
	void rawAttributeMapIsTheImageItselfUnmodifiable() {
		ImageMapper<Map<String, AttributeValue>> mapper = ImageMappers
			.forType(ResolvableType.forClassWithGenerics(Map.class, String.class, AttributeValue.class));
		Map<String, AttributeValue> image = AllTypesImage.create();
		Map<String, AttributeValue> mapped = mapper.map(image);
		assertThat(mapped).isEqualTo(image);
		assertThat(mapped).isUnmodifiable();
	}

	@Test
	void objectIsRejectedNamingTheTypeAndWhatIsSupported() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImageMappers.forType(ResolvableType.forClass(Object.class)))
			.withMessage("Cannot map stream images to java.lang.Object: " + SUPPORTED);
	}

	@Test
	void stringIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImageMappers.forType(ResolvableType.forClass(String.class)))
			.withMessageStartingWith("Cannot map stream images to java.lang.String: " + SUPPORTED);
	}

	@Test
	void unannotatedPojoIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImageMappers.forType(ResolvableType.forClass(Pojo.class)))
			.withMessageStartingWith("Cannot map stream images to " + Pojo.class.getName() + ": " + SUPPORTED);
	}

	@Test
	void rawMapIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImageMappers.forType(ResolvableType.forClass(Map.class)))
			.withMessageContaining(SUPPORTED)
			.withMessageContaining("declare the map as Map<String, AttributeValue> or Map<String, Object>");
	}

	@Test
	void mapOfOtherValuesIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImageMappers.forType(ResolvableType.forClassWithGenerics(Map.class, String.class,
					String.class)))
			.withMessageContaining("java.util.Map<java.lang.String, java.lang.String>");
	}

	@Test
	void unresolvableTypeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImageMappers.forType(ResolvableType.NONE))
			.withMessageContaining(SUPPORTED)
			.withMessageContaining("cannot be resolved");
	}

	@Test
	void mapWithUnresolvedTypeVariableIsRejected() {
		ResolvableType type = ResolvableType.forField(ReflectionUtils.findField(Generic.class, "values"));
		assertThatIllegalArgumentException().isThrownBy(() -> ImageMappers.forType(type))
			.withMessageContaining(SUPPORTED);
	}

	@Test
	void listIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImageMappers.forType(ResolvableType.forClassWithGenerics(List.class, String.class)))
			.withMessageStartingWith("Cannot map stream images to java.util.List<java.lang.String>");
	}

	@Test
	void recordWithUnmappableComponentIsRejectedAtResolution() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImageMappers.forType(ResolvableType.forClass(RecordTableSchemasTests.WithObject.class)))
			.withMessageContaining(SUPPORTED)
			.withMessageContaining("WithObject.value");
	}

	@Test
	void resolvesRecordsToTheCachedRecordSchema() {
		ImageMapper<Address> mapper = ImageMappers.forType(ResolvableType.forClass(Address.class));
		assertThat(mapper.map(Map.of("town", AttributeValue.fromS("x")))).isEqualTo(new Address(null, "x", 0));
	}

	static class Generic<V> {

		Map<String, V> values;

	}

	static class Pojo {

		String name;

	}

}
