package dev.tributary.local.shard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamViewType;
import dev.tributary.local.LocalRuntimeFixture;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.ShardState;
import dev.tributary.local.checkpoint.Checkpoint;
import dev.tributary.local.failure.LoggingFailureDestination;
import dev.tributary.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shard lineage, closed shards, expired iterators, trimmed data and throttling, with a fake
 * stream client: moto has one shard that never closes, expires or is trimmed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProcessorRuntimeTests {

	@RegisterExtension
	final FakeStreamFixture stream = new FakeStreamFixture();

	private final List<String> seen = LocalRuntimeFixture.synchronizedList();

	private Clock clock = Clock.systemUTC();

	@Test
	void readsAChildShardOnlyAfterItsParentIsFinished() {
		this.stream.client.shard("child", "parent", false, "c-4", "c-5")
			.shard("parent", null, true, "p-1", "p-2", "p-3");
		start(StartingPosition.TRIM_HORIZON);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.size() == 5);
		assertThat(this.seen).containsExactly("p-1", "p-2", "p-3", "c-4", "c-5");
		assertThat(this.stream.client.calls.indexOf("iterator child TRIM_HORIZON"))
			.isGreaterThan(this.stream.client.calls.indexOf("getRecords parent 3"));
	}

	@Test
	void marksAClosedShardEndedOnceReadToItsEnd() {
		this.stream.client.shard("closed", null, true, "x-1", "x-2");
		start(StartingPosition.TRIM_HORIZON);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.stream.checkpoints.find("fake", "closed").map(Checkpoint::shardEnded).orElse(false));
		assertThat(this.stream.checkpoints.find("fake", "closed")).contains(new Checkpoint("200", true, Instant.EPOCH));
		assertThat(this.stream.runtime().status().shards()).singleElement()
			.satisfies((shard) -> assertThat(shard.state()).isEqualTo(ShardState.ENDED));
	}

	@Test
	void doesNotReadAChildWhoseParentIsStillOpen() {
		this.stream.client.shard("parent", null, false, "p-1").shard("child", "parent", false, "c-2");
		start(StartingPosition.TRIM_HORIZON);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.contains("p-1"));
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> !this.seen.contains("c-2"));
		assertThat(this.stream.runtime().status().shards()).anySatisfy((shard) -> {
			assertThat(shard.shardId()).isEqualTo("child");
			assertThat(shard.state()).isEqualTo(ShardState.WAITING_FOR_PARENT);
		});
	}

	@Test
	void skipsShardsClosedBeforeTheFirstStartAtLatest() {
		this.stream.client.shard("old", null, true, "o-1").shard("current", "old", false, "n-2");
		start(StartingPosition.LATEST);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.stream.client.calls.contains("iterator current TRIM_HORIZON"));
		assertThat(this.seen).doesNotContain("o-1");
		assertThat(this.stream.checkpoints.find("fake", "old")).contains(new Checkpoint(null, true));
	}

	@Test
	void reacquiresAnExpiredIteratorFromTheCheckpoint() {
		this.stream.client.shard("open", null, false, "e-1", "e-2", "e-3", "e-4");
		this.stream.checkpoints.save("fake", "open", "200");
		this.stream.client.failGetRecords(ExpiredIteratorException.builder().message("expired").build());
		start(StartingPosition.TRIM_HORIZON);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.size() == 2);
		assertThat(this.seen).containsExactly("e-3", "e-4");
		assertThat(List.copyOf(this.stream.client.calls)).containsSubsequence("iterator open AFTER_SEQUENCE_NUMBER 200",
				"getRecords failed ExpiredIteratorException", "iterator open AFTER_SEQUENCE_NUMBER 200",
				"getRecords open 2");
	}

	@Test
	void reportsTrimmedRecordsAsAGapAndResumesAtTheTrimHorizon(CapturedOutput output) {
		this.stream.client.shard("trimmed", null, false, "t-1", "t-2", "t-3", "t-4", "t-5");
		this.stream.client.trim("trimmed", 3);
		this.stream.checkpoints.save("fake", "trimmed", "100");
		start(StartingPosition.TRIM_HORIZON);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.size() == 2);
		assertThat(this.seen).containsExactly("t-4", "t-5");
		assertThat(output).contains("ERROR").contains("were trimmed from the stream before they were processed");
	}

	@Test
	void backsOffExponentiallyWhenThrottled() {
		this.stream.client.shard("busy", null, false, "b-1");
		this.stream.client.failGetRecords(ProvisionedThroughputExceededException.builder().message("slow down").build(),
				ProvisionedThroughputExceededException.builder().message("slow down").build(),
				LimitExceededException.builder().message("slow down").build(),
				LimitExceededException.builder().message("slow down").build());
		start(StartingPosition.TRIM_HORIZON);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.contains("b-1"));
		List<Long> times = List.copyOf(this.stream.client.getRecordsTimes);
		long firstGap = times.get(1) - times.get(0);
		long lastGap = times.get(4) - times.get(3);
		assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
		assertThat(Duration.ofNanos(lastGap)).isGreaterThanOrEqualTo(Duration.ofMillis(160));
	}

	@Test
	void resumesALatestProcessorRestartedBeforeItsFirstRecordFromWhenItStarted() {
		Instant t0 = Instant.parse("2026-11-25T12:00:00Z");
		MutableClock clock = new MutableClock(t0.plusMillis(10_500));
		this.clock = clock;
		this.stream.client.createdAt(t0).shard("open", null, false, "old-1");
		start(StartingPosition.LATEST);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.stream.client.calls.contains("iterator open LATEST"));
		assertThat(this.stream.checkpoints.find("fake", "open"))
			.contains(new Checkpoint(null, false, t0.plusMillis(10_500)));
		this.stream.runtime().stop();
		// Written while it was down: one in the second it started (timestamps are rounded down),
		// one later. Neither may be missed; the record from before the start is not read.
		this.stream.client.createdAt(t0.plusSeconds(10));
		this.stream.client.append("open", "same-2");
		this.stream.client.createdAt(t0.plusSeconds(20));
		this.stream.client.append("open", "new-3");
		clock.advance(Duration.ofSeconds(30));
		start(StartingPosition.LATEST);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.size() == 2);
		assertThat(this.seen).containsExactly("same-2", "new-3");
		// A copy: the runtime goes on polling, adding calls.
		List<String> calls = List.copyOf(this.stream.client.calls);
		assertThat(calls).containsSubsequence("iterator open LATEST", "iterator open TRIM_HORIZON");
		assertThat(calls).containsOnlyOnce("iterator open LATEST");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.stream.checkpoints.find("fake", "open").map(Checkpoint::sequenceNumber).orElse(""),
					"300"::equals);
	}

	@Test
	void rereadsFromTheStartWhenAnIteratorExpiresBeforeTheFirstRecord() {
		Instant t0 = Instant.parse("2026-11-25T12:00:00Z");
		this.clock = new MutableClock(t0.plusSeconds(10));
		this.stream.client.createdAt(t0).shard("open", null, false, "old-1");
		start(StartingPosition.LATEST);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.stream.client.calls.contains("iterator open LATEST"));
		this.stream.client.createdAt(t0.plusSeconds(12));
		this.stream.client.failGetRecords(ExpiredIteratorException.builder().message("expired").build());
		this.stream.client.append("open", "new-2");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.contains("new-2"));
		assertThat(this.seen).containsExactly("new-2");
	}

	@Test
	void keepsReadingThroughAnOutageAndIsUnavailableMeanwhile() {
		this.stream.client.shard("open", null, false, "a-1");
		start(StartingPosition.TRIM_HORIZON);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.contains("a-1"));
		this.stream.client.outage(SdkClientException.create("Unable to execute HTTP request: Connection refused"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.stream.runtime().status().isUnavailable());
		assertThat(this.stream.runtime().status().shards()).singleElement().satisfies((shard) -> {
			assertThat(shard.state()).isEqualTo(ShardState.UNAVAILABLE);
			assertThat(shard.problem().errorType()).isEqualTo("SdkClientException");
			assertThat(shard.problem().operation()).isEqualTo("GetRecords");
		});
		this.stream.client.append("open", "a-2");
		this.stream.client.outage(null);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.contains("a-2"));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !this.stream.runtime().status().isUnavailable() && this.stream.runtime()
				.status()
				.shards()
				.get(0)
				.state() == ShardState.READING);
		assertThat(this.seen).containsExactly("a-1", "a-2");
		assertThat(this.stream.runtime().status().discoveryProblem()).isNull();
	}

	@Test
	void retriesGettingAnIteratorInsteadOfFailingTheShard() {
		this.stream.client.shard("open", null, false, "i-1");
		this.stream.client.failGetShardIterator(SdkClientException.create("Connection reset"),
				SdkClientException.create("Connection reset"), SdkClientException.create("Connection reset"));
		start(StartingPosition.TRIM_HORIZON);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.contains("i-1"));
		assertThat(List.copyOf(this.stream.client.calls)).containsSubsequence("failed SdkClientException",
				"failed SdkClientException", "failed SdkClientException", "iterator open TRIM_HORIZON");
	}

	@Test
	void movesToTheTablesNewStreamWhenItsStreamIsGoneAndSaysSoOnce(CapturedOutput output) {
		this.stream.client.shard("open", null, false, "g-1");
		start(StartingPosition.TRIM_HORIZON);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.contains("g-1"));
		this.stream.client.outage(ResourceNotFoundException.builder().message("Stream not found").build());
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.stream.runtime().status().shards().get(0).state() == ShardState.UNAVAILABLE
					&& this.stream.client.calls.contains("latestStreamArn Fake"));
		String newStream = FakeStreamFixture.STREAM + "-new";
		// The reader found its stream gone, so the runtime keeps looking for a new one after the outage.
		this.stream.client.outage(null);
		this.stream.client.newStream(newStream);
		await().atMost(Duration.ofSeconds(5)).until(() -> newStream.equals(this.stream.runtime().status().streamArn()));
		this.stream.client.append("open", "g-2");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.seen.contains("g-2"));
		// The new stream is read from its start, whatever was stored for the old one; the fake
		// serves the same shard for both streams, so g-1 is read again.
		assertThat(this.seen).containsExactly("g-1", "g-1", "g-2");
		assertThat(this.stream.client.calls).contains("listShards " + newStream);
		String log = output.getOut() + output.getErr();
		assertThat(log.split("ERROR", -1)).hasSize(2);
		assertThat(log).contains("Processor 'fake' cannot read: stream " + FakeStreamFixture.STREAM)
			.contains("Tributary looks for the table's stream every")
			.contains("found stream " + newStream);
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.stream.runtime().status().isUnavailable());
	}

	private void start(StartingPosition startingPosition) {
		this.stream.start("fake", new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, startingPosition),
				ProcessorOptions.builder().batchSize(10).build(),
				StreamProcessors.forEach((record) -> this.seen.add(LocalRuntimeFixture.id(record))),
				new LoggingFailureDestination(), RuntimeMetrics.NONE, this.clock);
	}

}
