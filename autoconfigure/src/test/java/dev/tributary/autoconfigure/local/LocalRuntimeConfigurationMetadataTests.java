package dev.tributary.autoconfigure.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the annotation processor generates documents every
 * {@code tributary.local.*} property with a description and a default, and agrees with the
 * property table of {@code docs/local-runtime.md}.
 */
class LocalRuntimeConfigurationMetadataTests {

	private static final Pattern DOCUMENTED = Pattern.compile("^\\| `(tributary\\.local\\.[a-z.-]+)` \\| `([^`]*)` \\|");

	@Test
	void everyLocalPropertyHasADescriptionAndADefaultThatTheDocsShow() throws IOException {
		Map<String, JsonNode> properties = metadata();
		Map<String, String> documented = documented();
		assertThat(properties).isNotEmpty();
		assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(documented.keySet());
		properties.forEach((name, property) -> {
			assertThat(property.path("description").asString("")).as(name).isNotBlank();
			assertThat(property.has("defaultValue")).as(name + " has a default").isTrue();
			assertThat(property.get("defaultValue").asString()).as(name).isEqualTo(documented.get(name));
		});
	}

	private static Map<String, JsonNode> metadata() throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (URL url : Collections.list(LocalRuntimeConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("tributary.local.")) {
						properties.put(name, property);
					}
				}
			}
		}
		return properties;
	}

	private static Map<String, String> documented() throws IOException {
		Map<String, String> documented = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of("../docs/local-runtime.md"))) {
			Matcher matcher = DOCUMENTED.matcher(line);
			if (matcher.find()) {
				documented.put(matcher.group(1), matcher.group(2));
			}
		}
		return documented;
	}

}
