package dev.tributary.local.shard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamViewType;
import dev.tributary.dynamodb.local.DynamoDbLocalSource;
import dev.tributary.local.LocalRuntimeFixture;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.ShardState;
import dev.tributary.local.ShardStatus;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.checkpoint.StreamScopedCheckpointStore;
import dev.tributary.local.failure.LoggingFailureDestination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one processor over one fake stream and one store: the second is a standby
 * that reads nothing while the first holds the shard, and takes over when it stops or dies.
 */
class StandbyTests {

	private static final LocalRuntimeOptions OPTIONS = FakeStreamFixture.FAST.toBuilder()
		.leaseDuration(Duration.ofMillis(600))
		.leaseHeartbeatInterval(Duration.ofMillis(100))
		.build();

	private final FakeStreamClient client = new FakeStreamClient();

	private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();

	private final CheckpointStore checkpoints = new StreamScopedCheckpointStore(this.store,
			() -> FakeStreamFixture.STREAM);

	private final List<String> seenByFirst = LocalRuntimeFixture.synchronizedList();

	private final List<String> seenBySecond = LocalRuntimeFixture.synchronizedList();

	private final List<ProcessorRuntime> runtimes = new ArrayList<>();

	@AfterEach
	void stopRuntimes() {
		this.runtimes.forEach(ProcessorRuntime::stop);
	}

	@Test
	void aSecondInstanceIsAStandbyThatReadsNothingWhileTheFirstHoldsTheShard() {
		this.client.shard("open", null, false, "a-1", "a-2");
		ProcessorRuntime first = start(this.seenByFirst);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seenByFirst.size() == 2);
		ProcessorRuntime second = start(this.seenBySecond);
		await().atMost(Duration.ofSeconds(5)).until(() -> state(second) == ShardState.STANDBY);
		this.client.append("open", "a-3", "a-4");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seenByFirst.size() == 4);
		assertThat(this.seenByFirst).containsExactly("a-1", "a-2", "a-3", "a-4");
		assertThat(this.seenBySecond).isEmpty();
		assertThat(state(first)).isEqualTo(ShardState.READING);
		assertThat(state(second)).isEqualTo(ShardState.STANDBY);
	}

	@Test
	void theStandbyTakesOverFromTheCheckpointWhenTheFirstStops() {
		this.client.shard("open", null, false, "a-1", "a-2");
		ProcessorRuntime first = start(this.seenByFirst);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seenByFirst.size() == 2);
		ProcessorRuntime second = start(this.seenBySecond);
		await().atMost(Duration.ofSeconds(5)).until(() -> state(second) == ShardState.STANDBY);
		first.stop();
		this.client.append("open", "a-3", "a-4");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seenBySecond.size() == 2);
		assertThat(this.seenBySecond).containsExactly("a-3", "a-4");
		assertThat(this.seenByFirst).containsExactly("a-1", "a-2");
	}

	@Test
	void theStandbyTakesOverOnceTheLeaseExpiresWhenTheFirstDies() {
		this.client.shard("open", null, false, "a-1", "a-2");
		ProcessorRuntime first = start(this.seenByFirst);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seenByFirst.size() == 2);
		ProcessorRuntime second = start(this.seenBySecond);
		await().atMost(Duration.ofSeconds(5)).until(() -> state(second) == ShardState.STANDBY);
		first.abort();
		Instant died = Instant.now();
		this.client.append("open", "a-3");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seenBySecond.contains("a-3"));
		assertThat(Duration.between(died, Instant.now())).as("not before the lease expired")
			.isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(this.seenBySecond).containsExactly("a-3");
	}

	@Test
	void aReaderWhoseLeaseWasTakenStopsReadingAndBecomesTheStandby() {
		this.client.shard("open", null, false, "a-1");
		ProcessorRuntime first = start(this.seenByFirst);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seenByFirst.size() == 1);
		// Another instance whose clock is far ahead takes the lease as if it had expired.
		Instant later = Instant.now().plus(Duration.ofMinutes(1));
		this.checkpoints.acquireLease("fake", "open", "thief", later, later.plus(Duration.ofMinutes(1)));
		await().atMost(Duration.ofSeconds(5)).until(() -> state(first) == ShardState.STANDBY);
		this.client.append("open", "a-2");
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> state(first) == ShardState.STANDBY);
		assertThat(this.seenByFirst).containsExactly("a-1");
		this.checkpoints.releaseLease("fake", "open", "thief");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seenByFirst.contains("a-2"));
		assertThat(this.seenByFirst).containsExactly("a-1", "a-2");
	}

	@Test
	void gracefulStopReleasesTheLeaseAndAbortKeepsIt() {
		this.client.shard("open", null, false, "a-1");
		ProcessorRuntime first = start(this.seenByFirst);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seenByFirst.size() == 1);
		first.stop();
		Instant now = Instant.now();
		assertThat(this.checkpoints.acquireLease("fake", "open", "next", now, now.plusSeconds(1)).owner())
			.isEqualTo("next");
		this.checkpoints.releaseLease("fake", "open", "next");
		ProcessorRuntime second = start(this.seenBySecond);
		await().atMost(Duration.ofSeconds(5)).until(() -> state(second) == ShardState.READING);
		second.abort();
		now = Instant.now();
		assertThat(this.checkpoints.acquireLease("fake", "open", "next", now, now.plusSeconds(1)).owner())
			.isNotEqualTo("next");
	}

	private ProcessorRuntime start(List<String> seen) {
		ProcessorRuntime<?> runtime = DynamoDbLocalSource.runtime(
				LocalRuntimeFixture.processor("fake", FakeStreamFixture.TABLE,
						new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON),
						ProcessorOptions.builder().batchSize(10).build(),
						StreamProcessors.forEach((record) -> seen.add(LocalRuntimeFixture.id(record)))),
				FakeStreamFixture.STREAM, this.client, this.store, new LoggingFailureDestination(), OPTIONS,
				RuntimeMetrics.NONE, Clock.systemUTC());
		this.runtimes.add(runtime);
		runtime.start();
		return runtime;
	}

	private static ShardState state(ProcessorRuntime runtime) {
		return runtime.status().shards().stream().map(ShardStatus::state).findFirst().orElse(ShardState.STARTING);
	}

}
