package dev.tributary.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Name matching and suggestions over the patterns read from this module's own configuration
 * metadata.
 */
class KnownPropertyNamesTests {

	private final KnownPropertyNames names = KnownPropertyNames.load(getClass().getClassLoader()).orElseThrow();

	@Test
	void theAutoConfigurationsMetadataIsFoundNextToItsClassesAndMapValuesAreExpanded() {
		assertThat(this.names.isKnown(uniform("tributary", "local", "poll-interval"), false)).isTrue();
		assertThat(this.names.isKnown(uniform("tributary", "processors", "anyBean", "batch-size"), false)).isTrue();
		assertThat(this.names.isKnown(uniform("tributary", "processors", "anyBean", "filter-patterns", "3"), false))
			.isTrue();
		assertThat(this.names.isKnown(uniform("tributary", "tables", "Items", "sort-key-type"), false)).isTrue();
		assertThat(this.names.isKnown(uniform("tributary", "processors", "anyBean"), false)).isFalse();
		assertThat(this.names.isDeployPresent()).isFalse();
	}

	@Test
	void theSettingsOfAKinesisStreamAreKnownAndAMisspeltOneIsNot() {
		assertThat(this.names.isKnown(uniform("tributary", "streams", "Events", "name"), false)).isTrue();
		assertThat(this.names.isKnown(uniform("tributary", "streams", "Events", "mode"), false)).isTrue();
		assertThat(this.names.isKnown(uniform("tributary", "streams", "Events", "shard-count"), false)).isTrue();
		assertThat(this.names.isKnown(uniform("tributary", "processors", "logEvents", "starting-position-timestamp"),
				false))
			.isTrue();
		assertThat(this.names.isKnown(uniform("tributary", "streams", "Events", "shard-cont"), false)).isFalse();
	}

	@Test
	void environmentVariableElementsMayJoinToOneDashedElementButPropertiesMayNot() {
		List<String> variable = List.of("tributary", "local", "retry", "backoff", "initial");
		assertThat(this.names.isKnown(variable, true)).isTrue();
		assertThat(this.names.isKnown(variable, false)).isFalse();
		assertThat(this.names.isKnown(List.of("tributary", "processors", "log", "items", "batch", "size"), true))
			.isTrue();
	}

	@Test
	void anExchangeOfTwoNeighbouringLettersIsOneEdit() {
		assertThat(KnownPropertyNames.distance("batchszie", "batchsize")).isEqualTo(1);
		assertThat(KnownPropertyNames.distance("pollinterval", "polinterval")).isEqualTo(1);
		assertThat(KnownPropertyNames.distance("table", "sortkey")).isGreaterThan(3);
	}

	@Test
	void theClosestNameKeepsTheUsersMapKey() {
		assertThat(this.names.closest(List.of("tributary", "processors", "logItems", "batch-szie")))
			.isEqualTo("tributary.processors.logItems.batch-size");
		assertThat(this.names.closest(List.of("tributary", "frobnicate"))).isNull();
	}

	private static List<String> uniform(String... elements) {
		return List.of(elements).stream().map(PropertyPattern::uniform).toList();
	}

}
