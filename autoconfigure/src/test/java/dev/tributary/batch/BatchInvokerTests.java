package dev.tributary.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import dev.tributary.ImageMapper;
import dev.tributary.ImageMappingException;
import dev.tributary.RecordProcessingException;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.dynamodb.DynamoDbSourceType;
import dev.tributary.dynamodb.StreamRecordFactory;
import dev.tributary.test.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.Record;

import static org.assertj.core.api.Assertions.assertThat;

class BatchInvokerTests {

	private static final String ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/Items/stream/2026-01-01T00:00:00.000";

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@Test
	void batchSucceedsWhenTheProcessorCompletes() {
		BatchOutcome outcome = invoker(StreamProcessors.forEach((record) -> this.seen.add(record.newImage().get())))
			.invoke(TestRecords.inserts(3), ARN, null);
		assertThat(outcome.isSuccess()).isTrue();
		assertThat(this.seen).containsExactly("content-0", "content-1", "content-2");
	}

	@Test
	void recordsCarryTheStreamArnRegionAndPosition() {
		AtomicReference<dev.tributary.StreamRecord<String>> first = new AtomicReference<>();
		invoker((records) -> records.take(1).doOnNext(first::set).then()).invoke(TestRecords.inserts(1), ARN, null);
		assertThat(first.get().eventSourceArn()).isEqualTo(ARN);
		assertThat(first.get().awsRegion()).isEqualTo("eu-west-1");
		assertThat(first.get().sequenceNumber()).isEqualTo("100");
		assertThat(first.get().sizeBytes()).isEqualTo(42);
	}

	@Test
	void recordProcessingExceptionFailsTheBatchAtThatRecord() {
		BatchOutcome outcome = invoker(StreamProcessors.forEach((record) -> {
			if (record.newImage().get().equals("content-2")) {
				throw new IllegalStateException("boom");
			}
			this.seen.add(record.newImage().get());
		})).invoke(TestRecords.inserts(5), ARN, null);
		assertThat(outcome.failedIndex()).isEqualTo(2);
		assertThat(outcome.failedItemIdentifier()).isEqualTo("300");
		assertThat(outcome.cause()).isInstanceOf(RecordProcessingException.class).hasRootCauseMessage("boom");
		assertThat(this.seen).containsExactly("content-0", "content-1");
	}

	@Test
	void anyOtherErrorFailsTheBatchAtItsFirstRecord() {
		BatchOutcome outcome = invoker((records) -> records.then(Mono.error(new IllegalStateException("down"))))
			.invoke(TestRecords.inserts(4), ARN, null);
		assertThat(outcome.failedIndex()).isZero();
		assertThat(outcome.failedItemIdentifier()).isEqualTo("100");
	}

	@Test
	void exceptionThrownWhileBuildingTheMonoFailsTheWholeBatch() {
		BatchOutcome outcome = invoker((records) -> {
			throw new IllegalArgumentException("bad wiring");
		}).invoke(TestRecords.inserts(2), ARN, null);
		assertThat(outcome.failedIndex()).isZero();
		assertThat(outcome.cause()).hasMessage("bad wiring");
	}

	@Test
	void reportedRecordNotInTheBatchRetriesTheWholeBatch() {
		List<Record> other = TestRecords.inserts(1);
		BatchOutcome outcome = invoker((records) -> records.then(Mono.error(new RecordProcessingException(
				new StreamRecordFactory<>(TestRecords.CONTENT, dev.tributary.StreamViewType.NEW_IMAGE)
					.create(TestRecords.insert("x", "y", "999999"), ARN),
				null))))
			.invoke(TestRecords.inserts(3), ARN, null);
		assertThat(outcome.failedIndex()).isZero();
		assertThat(other).hasSize(1);
	}

	@Test
	void imageThatCannotBeMappedFailsTheBatchAtThatRecordAfterTheEarlierOnesWereProcessed() {
		ImageMapper<String> mapper = (image) -> {
			String content = image.get("content").s();
			if (content.equals("content-1")) {
				throw new ImageMappingException("content", "java.lang.String", "S does not fit", null);
			}
			return content;
		};
		BatchOutcome outcome = DynamoDbSourceType.invoker(
				TestRecords.processor(mapper, StreamProcessors.forEach((record) -> this.seen.add(record.newImage().get()))),
				Duration.ZERO, Clock.systemUTC())
			.invoke(TestRecords.inserts(3), ARN, null);
		assertThat(outcome.failedIndex()).isEqualTo(1);
		assertThat(outcome.cause()).isInstanceOf(RecordMappingException.class)
			.hasMessageContaining("Record 200")
			.hasMessageContaining("NewImage")
			.hasMessageContaining("'content'");
		assertThat(this.seen).containsExactly("content-0");
	}

	@Test
	void nearingTheDeadlineStopsHandingOutRecordsAndFailsAtTheFirstOneNotHandedOut() {
		MutableClock clock = new MutableClock();
		Instant deadline = clock.instant().plusSeconds(10);
		BatchInvoker<Record, StreamRecord<String>> invoker = DynamoDbSourceType.invoker(TestRecords.processor(StreamProcessors.forEach((record) -> {
			this.seen.add(record.newImage().get());
			clock.advance(Duration.ofSeconds(4));
		})), Duration.ofSeconds(1), clock);
		BatchOutcome outcome = invoker.invoke(TestRecords.inserts(5), ARN, deadline);
		assertThat(this.seen).containsExactly("content-0", "content-1", "content-2");
		assertThat(outcome.failedIndex()).isEqualTo(3);
		assertThat(outcome.failedItemIdentifier()).isEqualTo("400");
		assertThat(outcome.deadlineReached()).isTrue();
	}

	@Test
	void deadlineAlsoStopsAsynchronousHandlersBetweenRecords() {
		MutableClock clock = new MutableClock();
		Instant deadline = clock.instant().plusSeconds(10);
		BatchInvoker<Record, StreamRecord<String>> invoker = DynamoDbSourceType.invoker(TestRecords.processor(StreamProcessors.inOrder((record) -> Mono
			.delay(Duration.ofMillis(1))
			.doOnNext((tick) -> {
				this.seen.add(record.newImage().get());
				clock.advance(Duration.ofSeconds(4));
			}))), Duration.ofSeconds(1), clock);
		BatchOutcome outcome = invoker.invoke(TestRecords.inserts(5), ARN, deadline);
		assertThat(this.seen).containsExactly("content-0", "content-1", "content-2");
		assertThat(outcome.failedItemIdentifier()).isEqualTo("400");
	}

	@Test
	void emptyBatchSucceedsWithoutCallingTheProcessor() {
		BatchOutcome outcome = invoker((records) -> {
			throw new AssertionError("not called");
		}).invoke(List.of(), ARN, null);
		assertThat(outcome.isSuccess()).isTrue();
	}

	private BatchInvoker<Record, StreamRecord<String>> invoker(
			java.util.function.Function<reactor.core.publisher.Flux<dev.tributary.StreamRecord<String>>, Mono<Void>> function) {
		return DynamoDbSourceType.invoker(TestRecords.processor(function), Duration.ofSeconds(1), Clock.systemUTC());
	}

}
