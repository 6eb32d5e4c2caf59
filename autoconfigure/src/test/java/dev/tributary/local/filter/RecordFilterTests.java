package dev.tributary.local.filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.tributary.dynamodb.local.DynamoDbShardRecordType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordFilterTests {

	private static final String STREAM_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Items/stream/2026-01-01T00:00:00.000";

	@Test
	void matchesEveryRecordWithoutPatterns() {
		assertThat(RecordFilter.of(List.of()).matches(record(OperationType.REMOVE, Map.of(), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isTrue();
	}

	@Test
	void matchesTheEventNameExactly() {
		RecordFilter filter = filter("insert-only");
		assertThat(filter.matches(record(OperationType.INSERT, Map.of(), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isTrue();
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of(), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isFalse();
	}

	@Test
	void matchesAPrefixOfANewImageAttribute() {
		RecordFilter filter = filter("content-prefix");
		assertThat(filter.matches(record(OperationType.INSERT, Map.of("content", s("urgent: call")), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE))
			.isTrue();
		assertThat(filter.matches(record(OperationType.INSERT, Map.of("content", s("later")), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE))
			.isFalse();
		assertThat(filter.matches(record(OperationType.REMOVE, Map.of(), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isFalse();
	}

	@Test
	void matchesWhetherAnOldImageAttributeExists() {
		RecordFilter filter = filter("has-old-image-status");
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of(), Map.of("status", s("new"))), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isTrue();
		assertThat(filter.matches(record(OperationType.INSERT, Map.of("status", s("new")), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isFalse();
	}

	@Test
	void matchesAnythingButTheListedValues() {
		RecordFilter filter = filter("not-archived");
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of("status", s("open")), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isTrue();
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of("status", s("archived")), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE))
			.isFalse();
		assertThat(filter.matches(record(OperationType.REMOVE, Map.of(), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isFalse();
	}

	@Test
	void comparesDynamoDbNumbersNumerically() {
		RecordFilter filter = filter("big-orders");
		assertThat(filter.matches(record(OperationType.INSERT, Map.of("amount", n("150")), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isTrue();
		assertThat(filter.matches(record(OperationType.INSERT, Map.of("amount", n("99.5")), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isFalse();
	}

	@Test
	void matchesWhenAnyPatternMatches() {
		RecordFilter filter = RecordFilter.of(List.of(json("insert-only"), json("has-old-image-status")));
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of(), Map.of("status", s("x"))), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isTrue();
		assertThat(filter.matches(record(OperationType.MODIFY, Map.of(), Map.of()), STREAM_ARN, DynamoDbShardRecordType.INSTANCE)).isFalse();
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
