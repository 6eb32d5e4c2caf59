package dev.tributary.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tributary.ImageMapper;
import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for mapping images to {@code Map<String, Object>}.
 *
 * @author Tributary
 */
class PlainValuesTests {

	private final ImageMapper<Map<String, Object>> mapper = ImageMappers
		.forType(ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class));

	private final Map<String, Object> map = this.mapper.map(AllTypesImage.create());

	@Test
	void keepsTheImageOrder() {
		assertThat(this.map).containsOnlyKeys("s", "n", "decimal", "big", "b", "bool", "nul", "m", "l", "ss", "ns", "bs");
		assertThat(this.map.keySet()).startsWith("s", "n", "decimal");
	}

	@Test
	void mapsScalars() {
		assertThat(this.map).containsEntry("s", "text").containsEntry("bool", true).containsEntry("nul", null);
		assertThat((byte[]) this.map.get("b")).containsExactly(1, 2);
	}

	@Test
	void mapsIntegralNumbersToLongAndOthersToExactBigDecimal() {
		assertThat(this.map.get("n")).isEqualTo(42L);
		assertThat(this.map.get("decimal")).isEqualTo(new BigDecimal("1.50"));
		assertThat(this.map.get("big")).isEqualTo(new BigDecimal("12345678901234567890"));
	}

	@Test
	void mapsDocumentsAndLists() {
		assertThat(this.map.get("m")).isEqualTo(Map.of("inner", "x"));
		assertThat(this.map.get("l")).isEqualTo(List.of(1L, "y"));
	}

	@Test
	void mapsSets() {
		assertThat(this.map.get("ss")).isEqualTo(Set.of("a", "b"));
		assertThat(this.map.get("ns")).isEqualTo(Set.of(1L, new BigDecimal("2.5")));
		assertThat((Set<?>) this.map.get("bs")).singleElement().isEqualTo(new byte[] { 3 });
	}

	@Test
	void acceptsWildcardValueType() {
		ResolvableType type = ResolvableType.forField(ReflectionUtils.findField(Holder.class, "wildcard"));
		ImageMapper<Map<String, ?>> mapper = ImageMappers.forType(type);
		assertThat(mapper.map(AllTypesImage.create()).get("s")).isEqualTo("text");
	}

	static class Holder {

		Map<String, ?> wildcard;

	}

}
