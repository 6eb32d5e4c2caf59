package dev.tributary.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Parallelization factor above 1 against moto_server through the real SDK: records of one
 * partition key stay in order, keys run concurrently, and a failed lane is retried from its
 * failed record without running again what other lanes completed.
 */
@ExtendWith(MotoServerExtension.class)
class ParallelizationIntegrationTests {

	private static final DynamoDbStreamOptions SOURCE = new DynamoDbStreamOptions(StreamViewType.NEW_IMAGE,
			StartingPosition.TRIM_HORIZON);

	private static final List<String> KEYS = List.of("a", "b", "c", "d", "e", "f");

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

	@Test
	void keepsEachKeyInOrderWhileDifferentKeysRunConcurrently() {
		TableDescriptor table = writeVersions("lanes", 5);
		Map<String, List<String>> seen = new ConcurrentHashMap<>();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		this.fixture.start(this.checkpoints, LocalRuntimeFixture.processor("lanes", table, SOURCE, options(4).build(),
				StreamProcessors.inOrder((record) -> Mono.fromRunnable(() -> {
					mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				}).then(Mono.delay(Duration.ofMillis(40))).doOnNext((tick) -> {
					inFlight.decrementAndGet();
					seen.computeIfAbsent(LocalRuntimeFixture.id(record), (key) -> new ArrayList<>())
						.add(content(record));
				}))));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> seen.values().stream().mapToInt(List::size).sum() == KEYS.size() * 5);
		assertThat(seen).containsOnlyKeys(KEYS);
		seen.values().forEach((versions) -> assertThat(versions).containsExactly("v0", "v1", "v2", "v3", "v4"));
		assertThat(mostInFlight).hasValueBetween(2, 4);
	}

	@Test
	void retriesAFailedLaneFromItsFailedRecordWithoutRunningOtherLanesAgain() {
		TableDescriptor table = writeVersions("lane-retry", 4);
		List<String> attempts = LocalRuntimeFixture.synchronizedList();
		Map<String, List<String>> processed = new ConcurrentHashMap<>();
		AtomicInteger failures = new AtomicInteger();
		this.fixture.start(this.checkpoints, LocalRuntimeFixture.processor("laneRetry", table, SOURCE, options(4).build(),
				StreamProcessors.forEach((record) -> {
					String name = LocalRuntimeFixture.id(record) + "-" + content(record);
					attempts.add(name);
					if (name.equals("c-v1") && failures.getAndIncrement() == 0) {
						throw new IllegalStateException("c-v1 fails once");
					}
					processed.computeIfAbsent(LocalRuntimeFixture.id(record), (key) -> new ArrayList<>())
						.add(content(record));
				})));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> processed.values().stream().mapToInt(List::size).sum() == KEYS.size() * 4);
		processed.values().forEach((versions) -> assertThat(versions).containsExactly("v0", "v1", "v2", "v3"));
		// Only the failed record is run twice; records other lanes completed are not run again.
		assertThat(attempts).hasSize(KEYS.size() * 4 + 1);
		assertThat(attempts.stream().filter("c-v1"::equals)).hasSize(2);
		assertThat(attempts.subList(attempts.indexOf("c-v1") + 1, attempts.lastIndexOf("c-v1")))
			.doesNotContain("c-v2", "c-v3");
	}

	@Test
	void sendsOnlyRecordsNoLaneCompletedToTheFailureQueue() {
		TableDescriptor table = writeVersions("lane-dlq", 4);
		String queue = this.fixture.createQueue("lane-dlq");
		Set<String> processed = ConcurrentHashMap.newKeySet();
		this.fixture.start(this.checkpoints,
				LocalRuntimeFixture.processor("laneDlq", table, SOURCE,
						options(4).maxRetryAttempts(1).onFailureDestination(queue).build(),
						StreamProcessors.forEach((record) -> {
							String name = LocalRuntimeFixture.id(record) + "-" + content(record);
							if (name.equals("c-v1")) {
								throw new IllegalStateException("c-v1 always fails");
							}
							processed.add(name);
						})));
		List<String> messages = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			messages.addAll(this.fixture.receive(queue));
			return !messages.isEmpty();
		});
		assertThat(messages).hasSize(1);
		Set<String> failed = new HashSet<>();
		for (JsonNode record : json.readTree(messages.get(0)).get("Records")) {
			failed.add(record.get("dynamodb").get("Keys").get("id").get("S").asString() + "-"
					+ record.get("dynamodb").get("NewImage").get("content").get("S").asString());
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() + failed.size() == KEYS.size() * 4);
		// The failed lane from its failed record on: never a record that was processed.
		assertThat(failed).contains("c-v1", "c-v2", "c-v3").doesNotContainAnyElementsOf(processed);
		assertThat(processed).contains("c-v0");
		assertThat(KEYS).anySatisfy((key) -> assertThat(processed).contains(key + "-v3"));
	}

	private ProcessorOptions.Builder options(int parallelizationFactor) {
		return ProcessorOptions.builder()
			.batchSize(100)
			.parallelizationFactor(parallelizationFactor);
	}

	/** Writes versions v0..v(n-1) of every key, interleaved: a-v0, b-v0, ..., a-v1, ... */
	private TableDescriptor writeVersions(String prefix, int versions) {
		TableDescriptor table = this.fixture.newTable(prefix);
		this.fixture.createTable(table, StreamViewType.NEW_IMAGE);
		for (int version = 0; version < versions; version++) {
			for (String key : KEYS) {
				this.fixture.put(table, key, "v" + version);
			}
		}
		return table;
	}

	private static String content(StreamRecord<Map<String, AttributeValue>> record) {
		return record.newImage().orElseThrow().get("content").s();
	}

}
