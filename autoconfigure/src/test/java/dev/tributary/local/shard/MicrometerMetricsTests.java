package dev.tributary.local.shard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.local.LocalRuntimeFixture;
import dev.tributary.local.failure.FailedBatch;
import dev.tributary.local.metrics.MicrometerRuntimeMetrics;
import dev.tributary.test.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters after a run with one failure, with a fake stream and a fake clock so that every
 * value is known.
 */
class MicrometerMetricsTests {

	private static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");

	@RegisterExtension
	final FakeStreamFixture stream = new FakeStreamFixture(CREATED);

	private final MutableClock clock = new MutableClock(CREATED.plusSeconds(5));

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final List<FailedBatch<?>> failed = LocalRuntimeFixture.synchronizedList();

	@Test
	void countsRecordsBatchesRetriesAndFailuresAndMeasuresIteratorAgeAndDuration() {
		// Batches of 3: m-1, m-2 done and m-3 failed, m-3 retried once and given up on; then m-4..m-6.
		this.stream.client.shard("open", null, false, "m-1", "m-2", "m-3", "m-4", "m-5", "m-6");
		AtomicInteger done = new AtomicInteger();
		AtomicReference<Double> ageWhileBehind = new AtomicReference<>();
		start(StreamProcessors.forEach((record) -> {
			String id = LocalRuntimeFixture.id(record);
			if (id.equals("m-3")) {
				throw new IllegalStateException("m-3 fails");
			}
			if (id.equals("m-4")) {
				ageWhileBehind.set(iteratorAge());
			}
			done.incrementAndGet();
		}));
		await().atMost(Duration.ofSeconds(5)).until(() -> done.get() == 5);
		await().atMost(Duration.ofSeconds(5)).until(() -> counter("tributary.batches", "outcome", "success") == 1);
		assertThat(counter("tributary.records")).isEqualTo(5);
		assertThat(counter("tributary.batches", "outcome", "failure")).isEqualTo(2);
		assertThat(counter("tributary.retries")).isEqualTo(1);
		assertThat(counter("tributary.records.failed")).isEqualTo(1);
		assertThat(this.failed).singleElement().satisfies((batch) -> assertThat(batch.records()).hasSize(1));
		Timer duration = this.registry.get("tributary.batch.duration")
			.tags("processor", "metered", "table", "Fake")
			.timer();
		assertThat(duration.count()).isEqualTo(3);
		assertThat(duration.totalTime(TimeUnit.NANOSECONDS)).isPositive();
		// Records written 5 s before they were read; once caught up nothing is behind.
		assertThat(ageWhileBehind).hasValue(5000.0);
		await().atMost(Duration.ofSeconds(5)).until(() -> iteratorAge() == 0);
	}

	@Test
	void iteratorAgeGrowsWithTheTimeSinceTheLastReadWhileReadsFail() {
		this.stream.client.shard("open", null, false, "m-1");
		AtomicInteger done = new AtomicInteger();
		start(StreamProcessors.forEach((record) -> done.incrementAndGet()));
		await().atMost(Duration.ofSeconds(5)).until(() -> done.get() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> iteratorAge() == 0);
		this.stream.client.outage(software.amazon.awssdk.core.exception.SdkClientException.create("Connection refused"));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.registry.find("tributary.aws.errors").tags("operation", "GetRecords").counter() != null);
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(iteratorAge()).isGreaterThanOrEqualTo(60_000);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(iteratorAge()).isGreaterThanOrEqualTo(90_000);
		this.stream.client.outage(null);
		await().atMost(Duration.ofSeconds(5)).until(() -> iteratorAge() == 0);
		assertThat(this.registry.get("tributary.aws.retries")
			.tags("processor", "metered", "operation", "GetRecords")
			.counter()
			.count()).isPositive();
	}

	@Test
	void triesTheFailureDestinationAgainUntilItTakesTheRecordsAndCountsEachFailure() {
		this.stream.client.shard("open", null, false, "d-1", "d-2");
		AtomicInteger handOvers = new AtomicInteger();
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(1)
			.maxRetryAttempts(0)
			.build();
		this.stream.start("metered", source, options, StreamProcessors.forEach((record) -> {
			if (LocalRuntimeFixture.id(record).equals("d-1")) {
				throw new IllegalStateException("d-1 fails");
			}
		}), (batch) -> {
			if (handOvers.incrementAndGet() <= 3) {
				throw software.amazon.awssdk.services.sqs.model.SqsException.builder()
					.statusCode(500)
					.message("queue unreachable")
					.build();
			}
			this.failed.add(batch);
		}, new MicrometerRuntimeMetrics(this.registry, this.clock), this.clock);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.registry.find("tributary.records").counter() != null
				&& this.registry.find("tributary.records").counter().count() == 1);
		assertThat(this.failed).singleElement()
			.satisfies((batch) -> assertThat(batch.firstSequenceNumber()).isEqualTo("100"))
			.satisfies((batch) -> assertThat(batch.records()).hasSize(1));
		assertThat(handOvers).hasValue(4);
		assertThat(this.registry.get("tributary.aws.errors")
			.tags("processor", "metered", "operation", "SendToFailureDestination")
			.counter()
			.count()).isEqualTo(3);
		assertThat(this.registry.get("tributary.aws.retries")
			.tags("processor", "metered", "operation", "SendToFailureDestination")
			.counter()
			.count()).isEqualTo(3);
		assertThat(counter("tributary.records.failed")).isEqualTo(1);
	}

	private double iteratorAge() {
		return this.registry.get("tributary.iterator.age").tags("processor", "metered", "table", "Fake").gauge().value();
	}

	private double counter(String name, String... tags) {
		return this.registry.get(name).tags("processor", "metered", "table", "Fake").tags(tags).counter().count();
	}

	private void start(Function<Flux<StreamRecord<Map<String, AttributeValue>>>, Mono<Void>> function) {
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(3)
			.maxRetryAttempts(1)
			.build();
		this.stream.start("metered", source, options, function, this.failed::add,
				new MicrometerRuntimeMetrics(this.registry, this.clock), this.clock);
	}

}
