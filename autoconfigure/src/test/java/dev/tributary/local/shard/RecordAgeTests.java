package dev.tributary.local.shard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessors;
import dev.tributary.TableDescriptor;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.ShardState;
import dev.tributary.local.checkpoint.Checkpoint;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.failure.FailedBatch;
import dev.tributary.local.failure.FailedBatch.Reason;
import dev.tributary.local.failure.FailureDestination;
import dev.tributary.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Maximum record age with a fake stream and a fake clock: the minimum age is a minute and
 * moto's timestamps have one-second resolution, so time is moved by hand.
 */
class RecordAgeTests {

	private static final String STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/Fake/stream/1";

	private static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");

	private static final LocalRuntimeOptions FAST = LocalRuntimeOptions.builder()
		.pollInterval(Duration.ofMillis(5))
		.maxIdlePollInterval(Duration.ofMillis(20))
		.initialRetryBackoff(Duration.ofMillis(5))
		.maxRetryBackoff(Duration.ofMillis(10))
		.shardDiscoveryInterval(Duration.ofMillis(20))
		.shutdownTimeout(Duration.ofSeconds(2))
		.build();

	private final FakeStreamClient client = new FakeStreamClient().createdAt(CREATED);

	private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

	private final MutableClock clock = new MutableClock(CREATED.plusSeconds(10));

	private final List<String> attempts = Collections.synchronizedList(new ArrayList<>());

	private final List<FailedBatch> failed = Collections.synchronizedList(new ArrayList<>());

	private ProcessorRuntime runtime;

	@AfterEach
	void stop() {
		if (this.runtime != null) {
			this.runtime.stop();
		}
	}

	@Test
	void stopsRetryingRecordsOnceTheyAreOlderThanTheMaximumRecordAge() {
		this.client.shard("open", null, false, "r-1", "r-2", "r-3");
		start(ProcessorOptions.UNLIMITED, "r-2");
		await().atMost(Duration.ofSeconds(5)).until(() -> count("r-2") >= 3);
		assertThat(this.failed).isEmpty();
		this.clock.advance(Duration.ofSeconds(51));
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.failed.isEmpty());
		int attemptsWhenExpired = count("r-2");
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> count("r-2") == attemptsWhenExpired);
		assertThat(this.failed).singleElement().satisfies((batch) -> {
			assertThat(batch.reason()).isEqualTo(Reason.RECORD_AGE_EXCEEDED);
			assertThat(ids(batch)).containsExactly("r-2", "r-3");
			assertThat(batch.errorMessage()).contains("r-2 fails");
		});
		assertThat(count("r-1")).isOne();
		assertThat(count("r-3")).isZero();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.checkpoints.find("aged", "open").map(Checkpoint::sequenceNumber).orElse(""),
					"300"::equals);
	}

	@Test
	void doesNotRunRecordsThatAreAlreadyOlderThanTheMaximumRecordAge() {
		this.client.shard("open", null, false, "o-1", "o-2");
		this.clock.advance(Duration.ofMinutes(2));
		start(2, "none");
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.failed.isEmpty());
		assertThat(this.attempts).isEmpty();
		assertThat(this.failed).singleElement().satisfies((batch) -> {
			assertThat(batch.reason()).isEqualTo(Reason.RECORD_AGE_EXCEEDED);
			assertThat(ids(batch)).containsExactly("o-1", "o-2");
			assertThat(batch.attempts()).isZero();
		});
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.checkpoints.find("aged", "open").map(Checkpoint::sequenceNumber).orElse(""),
					"200"::equals);
	}

	@Test
	void runsRecordsYoungerThanTheMaximumRecordAge() {
		this.client.shard("open", null, false, "y-1", "y-2");
		this.clock.advance(Duration.ofSeconds(49));
		start(2, "none");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.attempts.size() == 2);
		assertThat(this.attempts).containsExactly("y-1", "y-2");
		assertThat(this.failed).isEmpty();
	}

	@Test
	void stopsWhileTheFailureDestinationCannotTakeExpiredRecords() {
		this.client.shard("open", null, false, "u-1");
		this.clock.advance(Duration.ofMinutes(2));
		AtomicInteger sends = new AtomicInteger();
		start(2, "none", (batch) -> {
			sends.incrementAndGet();
			throw new IllegalStateException("queue unreachable");
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> sends.get() >= 2);
		this.runtime.stop();
		assertThat(this.runtime.status().shards()).singleElement()
			.satisfies((shard) -> assertThat(shard.state()).isEqualTo(ShardState.STOPPED));
		int sendsWhenStopped = sends.get();
		await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> sends.get() == sendsWhenStopped);
		assertThat(this.checkpoints.find("aged", "open").map(Checkpoint::sequenceNumber)).isEmpty();
	}

	private int count(String id) {
		return (int) List.copyOf(this.attempts).stream().filter(id::equals).count();
	}

	private static List<String> ids(FailedBatch batch) {
		return batch.records().stream().map((Record record) -> record.dynamodb().keys().get("id").s()).toList();
	}

	private void start(int maxRetryAttempts, String failing) {
		start(maxRetryAttempts, failing, this.failed::add);
	}

	private void start(int maxRetryAttempts, String failing, FailureDestination destination) {
		TableDescriptor table = new TableDescriptor("Fake", "Fake", new KeyAttribute("id", KeyAttribute.ScalarType.S),
				null);
		ProcessorOptions options = ProcessorOptions.builder()
			.startingPosition(StartingPosition.TRIM_HORIZON)
			.batchSize(10)
			.maxRecordAge(Duration.ofSeconds(60))
			.maxRetryAttempts(maxRetryAttempts)
			.build();
		StreamProcessorDefinition<Map<String, AttributeValue>> processor = new StreamProcessorDefinition<>("aged",
				table, options, ResolvableType.forClass(Map.class), (image) -> image,
				StreamProcessors.forEach((record) -> {
					String id = record.keys().get("id").s();
					this.attempts.add(id);
					if (id.equals(failing)) {
						throw new IllegalStateException(id + " fails");
					}
				}));
		this.runtime = new ProcessorRuntime(processor, STREAM, this.client, this.checkpoints, destination, FAST,
				RuntimeMetrics.NONE, this.clock);
		this.runtime.start();
	}

}
