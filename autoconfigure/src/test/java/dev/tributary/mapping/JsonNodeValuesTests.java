package dev.tributary.mapping;

import java.math.BigDecimal;

import dev.tributary.ImageMapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for mapping images to Jackson 3 trees.
 *
 * @author Tributary
 */
class JsonNodeValuesTests {

	private final ImageMapper<JsonNode> mapper = ImageMappers.forType(ResolvableType.forClass(JsonNode.class));

	private final JsonNode node = this.mapper.map(AllTypesImage.create());

	@Test
	void mapsScalars() {
		assertThat(this.node.get("s").isString()).isTrue();
		assertThat(this.node.get("s").stringValue()).isEqualTo("text");
		assertThat(this.node.get("bool").booleanValue()).isTrue();
		assertThat(this.node.get("nul").isNull()).isTrue();
		assertThat(this.node.get("b").binaryValue()).containsExactly(1, 2);
	}

	@Test
	void mapsIntegralNumbersToLongNodesAndOthersToExactDecimals() {
		assertThat(this.node.get("n").isLong()).isTrue();
		assertThat(this.node.get("n").longValue()).isEqualTo(42L);
		assertThat(this.node.get("decimal").decimalValue()).isEqualTo(new BigDecimal("1.50"));
		assertThat(this.node.get("big").decimalValue()).isEqualTo(new BigDecimal("12345678901234567890"));
	}

	@Test
	void mapsDocumentsListsAndSetsToObjectsAndArrays() {
		assertThat(this.node.get("m").get("inner").stringValue()).isEqualTo("x");
		assertThat(this.node.get("l").get(0).longValue()).isEqualTo(1L);
		assertThat(this.node.get("l").get(1).stringValue()).isEqualTo("y");
		assertThat(this.node.get("ss").isArray()).isTrue();
		assertThat(this.node.get("ss")).hasSize(2);
		assertThat(this.node.get("ns").get(1).decimalValue()).isEqualTo(new BigDecimal("2.5"));
		assertThat(this.node.get("bs").get(0).binaryValue()).containsExactly(3);
	}

	@Test
	void writesPlainJsonWithBinariesAsBase64() {
		String json = JsonMapper.builder().build().writeValueAsString(this.node);
		assertThat(json).contains("\"s\":\"text\"", "\"n\":42", "\"decimal\":1.50", "\"b\":\"AQI=\"",
				"\"nul\":null", "\"m\":{\"inner\":\"x\"}", "\"ss\":[\"a\",\"b\"]");
	}

	@Test
	void objectNodeIsSupportedToo() {
		ImageMapper<ObjectNode> objects = ImageMappers.forType(ResolvableType.forClass(ObjectNode.class));
		assertThat(objects.map(AllTypesImage.create()).get("s").stringValue()).isEqualTo("text");
	}

}
