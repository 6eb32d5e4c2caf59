package com.example.clicks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import dev.tributary.KinesisRecord;
import dev.tributary.test.event.KinesisEvents;
import dev.tributary.test.event.LambdaEvent;
import dev.tributary.test.processor.BatchResult;
import dev.tributary.test.processor.ProcessorTester;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chunked, concurrent composition keeps Lambda's partial batch response exact: a failed
 * chunk is reported by its first record, and every record before it was written, even by
 * chunks still running when it failed.
 */
class ClicksProcessorTests {

	private final List<List<String>> written = new CopyOnWriteArrayList<>();

	@Test
	void writesABatchInChunksOfAtMostFifty() {
		BatchResult result = tester((chunk) -> write(chunk)).invoke(clicks(120));
		assertThat(result).hasNoBatchItemFailures();
		assertThat(this.written).extracting(List::size).containsExactlyInAnyOrder(50, 50, 20);
	}

	// tag::in-chunks-test[]
	@Test
	void aFailedChunkIsReportedByItsFirstRecordOnceTheChunksBeforeItAreWritten() {
		// 200 clicks make four chunks of 50 that run at once. The third fails at once while the
		// first is still writing: Lambda must retry from the third chunk's first record (the
		// 101st, sequence number 10100), and the first two must be written by then.
		BatchResult result = tester((chunk) -> {
			String first = chunk.get(0).payload().user();
			if (first.equals("user-100")) {
				return Mono.error(new IllegalStateException("store unavailable"));
			}
			Duration delay = first.equals("user-0") ? Duration.ofMillis(300) : Duration.ZERO;
			return Mono.delay(delay, Schedulers.parallel()).then(write(chunk));
		}).invoke(clicks(200));
		assertThat(result).hasBatchItemFailures("10100");
		assertThat(result.processedItemIdentifiers()).hasSize(100);
		assertThat(this.written).flatExtracting((chunk) -> chunk).containsAll(users(0, 100));
	}
	// end::in-chunks-test[]

	private ProcessorTester tester(ClickStore store) {
		return ProcessorTester.forKinesis(Click.class, new ClicksProcessorConfiguration().storeClicks(store));
	}

	private Mono<Void> write(List<KinesisRecord<Click>> chunk) {
		return Mono
			.fromRunnable(() -> this.written.add(chunk.stream().map((click) -> click.payload().user()).toList()));
	}

	private static LambdaEvent clicks(int count) {
		KinesisEvents events = KinesisEvents.forStream("Clicks");
		IntStream.range(0, count).forEach((i) -> events.json("user-" + i, new Click("user-" + i, "/page/" + i)));
		return events.build();
	}

	private static List<String> users(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "user-" + i).toList();
	}

}
