package dev.tributary.local.shard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamViewType;
import dev.tributary.local.LocalRuntimeFixture;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.ShardState;
import dev.tributary.local.checkpoint.Checkpoint;
import dev.tributary.local.failure.FailedBatch;
import dev.tributary.local.failure.FailedBatch.Reason;
import dev.tributary.local.failure.FailureDestination;
import dev.tributary.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.Record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Maximum record age with a fake stream and a fake clock: the minimum age is a minute and
 * moto's timestamps have one-second resolution, so time is moved by hand.
 */
class RecordAgeTests {

	private static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");

	@RegisterExtension
	final FakeStreamFixture stream = new FakeStreamFixture(CREATED);

	private final MutableClock clock = new MutableClock(CREATED.plusSeconds(10));

	private final List<String> attempts = LocalRuntimeFixture.synchronizedList();

	private final List<FailedBatch<?>> failed = LocalRuntimeFixture.synchronizedList();

	@Test
	void stopsRetryingRecordsOnceTheyAreOlderThanTheMaximumRecordAge() {
		this.stream.client.shard("open", null, false, "r-1", "r-2", "r-3");
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
			.until(() -> this.stream.checkpoints.find("aged", "open").map(Checkpoint::sequenceNumber).orElse(""),
					"300"::equals);
	}

	@Test
	void doesNotRunRecordsThatAreAlreadyOlderThanTheMaximumRecordAge() {
		this.stream.client.shard("open", null, false, "o-1", "o-2");
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
			.until(() -> this.stream.checkpoints.find("aged", "open").map(Checkpoint::sequenceNumber).orElse(""),
					"200"::equals);
	}

	@Test
	void runsRecordsYoungerThanTheMaximumRecordAge() {
		this.stream.client.shard("open", null, false, "y-1", "y-2");
		this.clock.advance(Duration.ofSeconds(49));
		start(2, "none");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.attempts.size() == 2);
		assertThat(this.attempts).containsExactly("y-1", "y-2");
		assertThat(this.failed).isEmpty();
	}

	@Test
	void stopsWhileTheFailureDestinationCannotTakeExpiredRecords() {
		this.stream.client.shard("open", null, false, "u-1");
		this.clock.advance(Duration.ofMinutes(2));
		AtomicInteger sends = new AtomicInteger();
		start(2, "none", (batch) -> {
			sends.incrementAndGet();
			throw new IllegalStateException("queue unreachable");
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> sends.get() >= 2);
		this.stream.runtime().stop();
		assertThat(this.stream.runtime().status().shards()).singleElement()
			.satisfies((shard) -> assertThat(shard.state()).isEqualTo(ShardState.STOPPED));
		int sendsWhenStopped = sends.get();
		await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> sends.get() == sendsWhenStopped);
		assertThat(this.stream.checkpoints.find("aged", "open").map(Checkpoint::sequenceNumber)).isEmpty();
	}

	private int count(String id) {
		return (int) List.copyOf(this.attempts).stream().filter(id::equals).count();
	}

	private static List<String> ids(FailedBatch<?> batch) {
		return batch.records().stream().map((record) -> ((Record) record).dynamodb().keys().get("id").s()).toList();
	}

	private void start(int maxRetryAttempts, String failing) {
		start(maxRetryAttempts, failing, this.failed::add);
	}

	private void start(int maxRetryAttempts, String failing, FailureDestination destination) {
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(10)
			.maxRecordAge(Duration.ofSeconds(60))
			.maxRetryAttempts(maxRetryAttempts)
			.build();
		this.stream.start("aged", source, options, StreamProcessors.forEach((record) -> {
			String id = LocalRuntimeFixture.id(record);
			this.attempts.add(id);
			if (id.equals(failing)) {
				throw new IllegalStateException(id + " fails");
			}
		}), destination, RuntimeMetrics.NONE, this.clock);
	}

}
