package dev.tributary;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.BatchOutcome;
import dev.tributary.dynamodb.DynamoDbSourceType;
import dev.tributary.dynamodb.StreamRecordFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StreamProcessors#inChunks}: chunks of records run concurrently, and the batch still fails
 * exactly at the earliest failed record, with every record before it processed, through the
 * real batch core ({@link BatchInvoker}) and DynamoDB source.
 */
class StreamProcessorsInChunksTests {

	private static final ImageMapper<String> CONTENT = (image) -> image.get("content").s();

	private final List<List<String>> chunks = new CopyOnWriteArrayList<>();

	private final List<String> processed = new CopyOnWriteArrayList<>();

	@Test
	void handsOverChunksOfAtMostTheMaximumSizeInSequenceOrder() {
		BatchOutcome outcome = invoke(StreamProcessors.inChunks(50, Duration.ofSeconds(5), 4, this::record),
				inserts(120));
		assertThat(outcome.isSuccess()).isTrue();
		assertThat(this.chunks).extracting(List::size).containsExactlyInAnyOrder(50, 50, 20);
		assertThat(this.chunks).allSatisfy((chunk) -> assertThat(chunk).isSortedAccordingTo(
				(a, b) -> Integer.compare(Integer.parseInt(a.substring(8)), Integer.parseInt(b.substring(8)))));
		assertThat(this.processed).hasSize(120).doesNotHaveDuplicates();
	}

	@Test
	void aFailedChunkIsReportedByItsFirstRecordAfterEarlierChunksStillRunningHaveCompleted() {
		// The first chunk is slow and still running when the second fails: it must complete, not be
		// cancelled, since the outcome counts its records as processed.
		BatchOutcome outcome = invoke(StreamProcessors.inChunks(50, Duration.ofSeconds(5), 4, (chunk) -> {
			if (chunk.get(0).sequenceNumber().equals(sequenceNumber(50))) {
				return Mono.error(new IllegalStateException("second chunk failed"));
			}
			Duration delay = chunk.get(0).sequenceNumber().equals(sequenceNumber(0)) ? Duration.ofMillis(300)
					: Duration.ZERO;
			return Mono.delay(delay, Schedulers.parallel()).then(record(chunk));
		}), inserts(200));
		assertThat(outcome.failedIndex()).isEqualTo(50);
		assertThat(outcome.failedItemIdentifier()).isEqualTo(sequenceNumber(50));
		assertThat(outcome.cause()).isInstanceOf(RecordProcessingException.class)
			.hasRootCauseMessage("second chunk failed");
		assertThat(this.processed).containsAll(contents(0, 50)).doesNotContainAnyElementsOf(contents(50, 100));
	}

	@Test
	void whenSeveralChunksFailTheEarliestChunkIsReportedWhicheverFailedFirst() {
		BatchOutcome outcome = invoke(StreamProcessors.inChunks(10, Duration.ofSeconds(5), 4, (chunk) -> {
			String first = chunk.get(0).sequenceNumber();
			if (first.equals(sequenceNumber(10))) {
				return Mono.delay(Duration.ofMillis(200), Schedulers.parallel())
					.then(Mono.error(new IllegalStateException("late failure of the second chunk")));
			}
			if (first.equals(sequenceNumber(20))) {
				return Mono.error(new IllegalStateException("early failure of the third chunk"));
			}
			return record(chunk);
		}), inserts(40));
		assertThat(outcome.failedItemIdentifier()).isEqualTo(sequenceNumber(10));
		assertThat(outcome.cause()).hasRootCauseMessage("late failure of the second chunk");
		assertThat(this.processed).containsAll(contents(0, 10));
	}

	@Test
	void aRecordTheHandlerReportsItselfIsTheFailure() {
		BatchOutcome outcome = invoke(StreamProcessors.inChunks(10, Duration.ofSeconds(5), 2,
				(chunk) -> chunk.get(0).sequenceNumber().equals(sequenceNumber(10))
						? Mono.error(new RecordProcessingException(chunk.get(3), new IllegalStateException("item 13")))
						: record(chunk)),
				inserts(30));
		assertThat(outcome.failedIndex()).isEqualTo(13);
	}

	@Test
	void noChunkStartsAfterAFailure() {
		BatchOutcome outcome = invoke(StreamProcessors.inChunks(10, Duration.ofSeconds(5), 1,
				(chunk) -> chunk.get(0).sequenceNumber().equals(sequenceNumber(0))
						? Mono.error(new IllegalStateException("first chunk failed")) : record(chunk)),
				inserts(30));
		assertThat(outcome.failedIndex()).isZero();
		assertThat(this.chunks).isEmpty();
	}

	@Test
	void recordsBeforeARecordThatCannotBeMappedAreProcessedAndTheBatchFailsAtIt() {
		List<Record> batch = new java.util.ArrayList<>(inserts(25));
		batch.set(17, insert(17, Map.of("id", AttributeValue.fromS("item-17"))));
		BatchOutcome outcome = invoke(StreamProcessors.inChunks(10, Duration.ofSeconds(5), 4, this::record), batch);
		assertThat(outcome.failedIndex()).isEqualTo(17);
		assertThat(this.processed).containsExactlyInAnyOrderElementsOf(contents(0, 17));
	}

	@Test
	void aChunkIsHandedOverAfterTheMaximumWaitWhenNoMoreRecordsArrive() {
		Flux<StreamRecord<String>> records = Flux.fromIterable(elements(5))
			.concatMap((record) -> record.sequenceNumber().equals(sequenceNumber(3))
					? Mono.delay(Duration.ofMillis(500)).thenReturn(record) : Mono.just(record));
		StreamProcessors.<StreamRecord<String>>inChunks(50, Duration.ofMillis(100), 4, this::record)
			.apply(records)
			.block(Duration.ofSeconds(5));
		assertThat(this.chunks).extracting(List::size).containsExactly(3, 2);
	}

	private Mono<Void> record(List<StreamRecord<String>> chunk) {
		return Mono.fromRunnable(() -> {
			List<String> contents = chunk.stream().map((record) -> record.newImage().orElseThrow()).toList();
			this.chunks.add(contents);
			this.processed.addAll(contents);
		});
	}

	private static BatchOutcome invoke(java.util.function.Function<Flux<StreamRecord<String>>, Mono<Void>> function,
			List<Record> records) {
		DynamoDbSourceType<String> source = new DynamoDbSourceType<>(
				new StreamRecordFactory<>(CONTENT, StreamViewType.NEW_AND_OLD_IMAGES), "id");
		return new BatchInvoker<>("chunks", function, source, Duration.ZERO, Clock.systemUTC()).invoke(records,
				"arn:aws:dynamodb:us-east-1:123456789012:table/Items/stream/1", null);
	}

	private static List<StreamRecord<String>> elements(int count) {
		StreamRecordFactory<String> factory = new StreamRecordFactory<>(CONTENT, StreamViewType.NEW_AND_OLD_IMAGES);
		return inserts(count).stream().map((record) -> factory.create(record, null)).toList();
	}

	private static List<Record> inserts(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> insert(i, Map.of("id", AttributeValue.fromS("item-" + i), "content",
					AttributeValue.fromS("content-" + i))))
			.toList();
	}

	private static List<String> contents(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "content-" + i).toList();
	}

	private static String sequenceNumber(int index) {
		return String.valueOf((index + 1) * 100);
	}

	private static Record insert(int index, Map<String, AttributeValue> image) {
		return Record.builder()
			.eventID("event-" + index)
			.eventName(OperationType.INSERT)
			.dynamodb((change) -> change.keys(Map.of("id", image.get("id")))
				.newImage(image)
				.sequenceNumber(sequenceNumber(index))
				.streamViewType(software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_AND_OLD_IMAGES))
			.build();
	}

}
