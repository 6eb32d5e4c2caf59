package dev.tributary.local.shard;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.tributary.RecordProcessingException;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.SourceType;
import dev.tributary.local.shard.KeyedParallelInvoker.Attempt;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lanes come from the source's ordering key and completed records are known by its item
 * identifier, whatever the source: here a toy one whose records are {@code key/id} pairs.
 */
class KeyedParallelInvokerTests {

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final Map<String, List<String>> seenByKey = new ConcurrentHashMap<>();

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void recordsOfOneKeyStayInOrderWhileKeysRunInLanes() {
		Attempt attempt = invoker(4, (items) -> items.doOnNext(this::see).then())
			.invoke(List.of(item("a", "1"), item("b", "2"), item("a", "3"), item("c", "4"), item("b", "5")), null);
		assertThat(attempt.outcome().isSuccess()).isTrue();
		assertThat(attempt.completed()).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
		assertThat(this.seenByKey.get("a")).containsExactly("1", "3");
		assertThat(this.seenByKey.get("b")).containsExactly("2", "5");
	}

	@Test
	void aFailedLaneFailsTheAttemptAtItsRecordAndTheOtherLanesRecordsCountAsCompleted() {
		Attempt attempt = invoker(8, (items) -> items.concatMap((item) -> {
			if (item.id().equals("3")) {
				return Mono.error(new ItemFailedException(item.id()));
			}
			see(item);
			return Mono.empty();
		}).then()).invoke(List.of(item("a", "1"), item("b", "2"), item("a", "3"), item("a", "4"), item("b", "5")),
				null);
		assertThat(attempt.outcome().failedIndex()).isEqualTo(2);
		assertThat(attempt.outcome().failedItemIdentifier()).isEqualTo("3");
		assertThat(attempt.completed()).contains("1", "2", "5").doesNotContain("3", "4");
	}

	private void see(Item item) {
		this.seenByKey.computeIfAbsent(item.key(), (key) -> new CopyOnWriteArrayList<>()).add(item.id());
	}

	private KeyedParallelInvoker<Item> invoker(int lanes, java.util.function.Function<Flux<Item>, Mono<Void>> function) {
		return new KeyedParallelInvoker<>(
				new BatchInvoker<>("items", function, new ItemSource(), Duration.ZERO, Clock.systemUTC()), lanes,
				this.executor);
	}

	private static Item item(String key, String id) {
		return new Item(key, id);
	}

	record Item(String key, String id) {

	}

	static final class ItemSource implements SourceType<Item, Item> {

		@Override
		public String name() {
			return "items";
		}

		@Override
		public String itemIdentifier(Item record) {
			return record.id();
		}

		@Override
		public @Nullable Object orderingKey(Item record) {
			return record.key();
		}

		@Override
		public Item element(Item record, @Nullable String eventSourceArn) {
			return record;
		}

	}

	static final class ItemFailedException extends RecordProcessingException {

		ItemFailedException(String id) {
			super(id, "Item " + id + " failed", null);
		}

	}

}
