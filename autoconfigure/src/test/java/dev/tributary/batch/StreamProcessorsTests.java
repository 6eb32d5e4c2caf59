package dev.tributary.batch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tributary.ImageMapper;
import dev.tributary.RecordProcessingException;
import dev.tributary.StreamProcessors;
import dev.tributary.dynamodb.DynamoDbSourceType;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.dynamodb.model.Record;

import static org.assertj.core.api.Assertions.assertThat;

class StreamProcessorsTests {

	private final List<String> processed = new CopyOnWriteArrayList<>();

	@Test
	void inOrderRunsOneRecordAtATimeInSequenceOrder() {
		BatchOutcome outcome = invoke(StreamProcessors.inOrder((record) -> Mono.delay(Duration.ofMillis(2))
			.doOnNext((tick) -> this.processed.add(record.newImage().get()))), TestRecords.inserts(5));
		assertThat(outcome.isSuccess()).isTrue();
		assertThat(this.processed).containsExactly("content-0", "content-1", "content-2", "content-3", "content-4");
	}

	@Test
	void inOrderReportsTheRecordWhoseHandlerFailed() {
		BatchOutcome outcome = invoke(StreamProcessors.inOrder((record) -> record.newImage().get().equals("content-3")
				? Mono.error(new IllegalStateException("no")) : Mono.fromRunnable(() -> this.processed.add("ok"))),
				TestRecords.inserts(5));
		assertThat(outcome.failedItemIdentifier()).isEqualTo("400");
		assertThat(this.processed).hasSize(3);
	}

	@Test
	void failureOfTheLastRecordReportsTheLastRecord() {
		BatchOutcome outcome = invoke(StreamProcessors.forEach((record) -> {
			if (record.sequenceNumber().equals("500")) {
				throw new IllegalStateException("last");
			}
		}), TestRecords.inserts(5));
		assertThat(outcome.failedIndex()).isEqualTo(4);
	}

	@Test
	void byKeyKeepsEachKeysRecordsInOrder() {
		List<Record> batch = List.of(TestRecords.insert("a", "a1", "100"), TestRecords.insert("b", "b1", "200"),
				TestRecords.insert("a", "a2", "300"), TestRecords.insert("b", "b2", "400"),
				TestRecords.insert("a", "a3", "500"));
		BatchOutcome outcome = invoke(StreamProcessors.byKey(4, (record) -> Mono
			.delay(Duration.ofMillis(record.newImage().get().startsWith("a") ? 5 : 1), Schedulers.parallel())
			.doOnNext((tick) -> this.processed.add(record.newImage().get()))), batch);
		assertThat(outcome.isSuccess()).isTrue();
		assertThat(this.processed).containsSubsequence("a1", "a2", "a3").containsSubsequence("b1", "b2");
	}

	@Test
	void byKeyReportsTheLowestFailedRecordAndSkipsLaterRecordsOfAFailedKey() {
		List<Record> batch = List.of(TestRecords.insert("a", "a1", "100"), TestRecords.insert("b", "b1", "200"),
				TestRecords.insert("a", "a2", "300"), TestRecords.insert("c", "c1", "400"),
				TestRecords.insert("b", "b2", "500"), TestRecords.insert("a", "a3", "600"));
		BatchOutcome outcome = invoke(StreamProcessors.byKey(1000, (record) -> {
			String content = record.newImage().get();
			if (content.equals("a2") || content.equals("b1")) {
				return Mono.error(new IllegalStateException(content));
			}
			return Mono.fromRunnable(() -> this.processed.add(content));
		}), batch);
		assertThat(outcome.failedItemIdentifier()).isEqualTo("200");
		assertThat(outcome.cause()).isInstanceOf(RecordProcessingException.class);
		assertThat(this.processed).contains("a1", "c1").doesNotContain("a3", "b2");
	}

	@Test
	void byKeyFinishesRecordsBeforeARecordThatCannotBeMapped() {
		// The runtime maps records as lanes ask for them; a later record failing to map must not
		// cancel or drop earlier records of other lanes, which the outcome counts as processed.
		List<Record> batch = List.of(TestRecords.insert("a", "a1", "100"), TestRecords.insert("b", "b1", "200"),
				TestRecords.insert("a", "a2", "300"), TestRecords.insert("c", "bad", "400"),
				TestRecords.insert("b", "b2", "500"));
		ImageMapper<String> mapper = (image) -> {
			String content = image.get("content").s();
			if (content.equals("bad")) {
				throw new IllegalArgumentException("cannot map");
			}
			return content;
		};
		BatchOutcome outcome = DynamoDbSourceType.invoker(TestRecords.processor(mapper,
				StreamProcessors.byKey(4, (record) -> Mono.delay(Duration.ofMillis(50))
					.doOnNext((tick) -> this.processed.add(record.newImage().get())))),
				Duration.ZERO, Clock.systemUTC())
			.invoke(batch, "arn", null);
		assertThat(outcome.failedItemIdentifier()).isEqualTo("400");
		assertThat(outcome.cause()).isInstanceOf(RecordMappingException.class);
		assertThat(this.processed).containsExactlyInAnyOrder("a1", "b1", "a2");
	}

	private BatchOutcome invoke(
			java.util.function.Function<reactor.core.publisher.Flux<dev.tributary.StreamRecord<String>>, Mono<Void>> processor,
			List<Record> batch) {
		return DynamoDbSourceType.invoker(TestRecords.processor(processor), Duration.ZERO, Clock.systemUTC()).invoke(batch,
				"arn", null);
	}

}
