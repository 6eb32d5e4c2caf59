package dev.tributary.local.filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordFilterTests {

	@Test
	void matchesEveryRecordWithoutPatterns() {
		assertThat(RecordFilter.of(List.of()).matches(record(OperationType.REMOVE, Map.of(), Map.of()), null)).isTrue();
	}

	@Test
	void matchesTheEventNameExactly() {
		RecordFilter filter = filter("insert-only");
		assertThat(filter.matches(record(OperationType.INSERT, Map.of(), Map.of()), null)).isTrue();
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of(), Map.of()), null)).isFalse();
	}

	@Test
	void matchesAPrefixOfANewImageAttribute() {
		RecordFilter filter = filter("content-prefix");
		assertThat(filter.matches(record(OperationType.INSERT, Map.of("content", s("urgent: call")), Map.of()), null))
			.isTrue();
		assertThat(filter.matches(record(OperationType.INSERT, Map.of("content", s("later")), Map.of()), null))
			.isFalse();
		assertThat(filter.matches(record(OperationType.REMOVE, Map.of(), Map.of()), null)).isFalse();
	}

	@Test
	void matchesWhetherAnOldImageAttributeExists() {
		RecordFilter filter = filter("has-old-image-status");
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of(), Map.of("status", s("new"))), null)).isTrue();
		assertThat(filter.matches(record(OperationType.INSERT, Map.of("status", s("new")), Map.of()), null)).isFalse();
	}

	@Test
	void matchesAnythingButTheListedValues() {
		RecordFilter filter = filter("not-archived");
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of("status", s("open")), Map.of()), null)).isTrue();
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of("status", s("archived")), Map.of()), null))
			.isFalse();
		assertThat(filter.matches(record(OperationType.REMOVE, Map.of(), Map.of()), null)).isFalse();
	}

	@Test
	void comparesDynamoDbNumbersNumerically() {
		RecordFilter filter = filter("big-orders");
		assertThat(filter.matches(record(OperationType.INSERT, Map.of("amount", n("150")), Map.of()), null)).isTrue();
		assertThat(filter.matches(record(OperationType.INSERT, Map.of("amount", n("99.5")), Map.of()), null)).isFalse();
	}

	@Test
	void matchesWhenAnyPatternMatches() {
		RecordFilter filter = RecordFilter.of(List.of(json("insert-only"), json("has-old-image-status")));
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of(), Map.of("status", s("x"))), null)).isTrue();
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of(), Map.of()), null)).isFalse();
	}

	@Test
	void rejectsRulesItCannotApplyInsteadOfLettingEverythingThrough() {
		assertThatIllegalArgumentException().isThrownBy(() -> filter("suffix")).withMessageContaining("suffix");
		assertThatIllegalArgumentException().isThrownBy(() -> RecordFilter.of(List.of("[1]")))
			.withMessageContaining("not a JSON object");
	}

	private static RecordFilter filter(String name) {
		return RecordFilter.of(List.of(json(name)));
	}

	private static String json(String name) {
		try {
			return new ClassPathResource("local/filters/" + name + ".json").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	private static AttributeValue n(String value) {
		return AttributeValue.fromN(value);
	}

	private static Record record(OperationType eventName, Map<String, AttributeValue> newImage,
			Map<String, AttributeValue> oldImage) {
		return Record.builder()
			.eventID("1")
			.eventName(eventName)
			.dynamodb((change) -> change.keys(Map.of("id", s("a")))
				.newImage(newImage.isEmpty() ? null : newImage)
				.oldImage(oldImage.isEmpty() ? null : oldImage)
				.sequenceNumber("100"))
			.build();
	}

}
