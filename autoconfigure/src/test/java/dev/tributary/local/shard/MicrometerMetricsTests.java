package dev.tributary.local.shard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.TableDescriptor;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.failure.FailedBatch;
import dev.tributary.local.metrics.MicrometerRuntimeMetrics;
import dev.tributary.test.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters after a run with one failure, with a fake stream and a fake clock so that every
 * value is known.
 */
class MicrometerMetricsTests {

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

	private final MutableClock clock = new MutableClock(CREATED.plusSeconds(5));

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final List<FailedBatch> failed = Collections.synchronizedList(new ArrayList<>());

	private ProcessorRuntime runtime;

	@AfterEach
	void stop() {
		if (this.runtime != null) {
			this.runtime.stop();
		}
	}

	@Test
	void countsRecordsBatchesRetriesAndFailuresAndMeasuresIteratorAgeAndDuration() {
		// Batches of 3: m-1, m-2 done and m-3 failed, m-3 retried once and given up on; then m-4..m-6.
		this.client.shard("open", null, false, "m-1", "m-2", "m-3", "m-4", "m-5", "m-6");
		AtomicInteger done = new AtomicInteger();
		AtomicReference<Double> ageWhileBehind = new AtomicReference<>();
		start(StreamProcessors.forEach((record) -> {
			String id = record.keys().get("id").s();
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

	private double iteratorAge() {
		return this.registry.get("tributary.iterator.age").tags("processor", "metered", "table", "Fake").gauge().value();
	}

	private double counter(String name, String... tags) {
		return this.registry.get(name).tags("processor", "metered", "table", "Fake").tags(tags).counter().count();
	}

	private void start(Function<Flux<StreamRecord<Map<String, AttributeValue>>>, Mono<Void>> function) {
		TableDescriptor table = new TableDescriptor("Fake", "Fake", new KeyAttribute("id", KeyAttribute.ScalarType.S),
				null);
		ProcessorOptions options = ProcessorOptions.builder()
			.startingPosition(StartingPosition.TRIM_HORIZON)
			.batchSize(3)
			.maxRetryAttempts(1)
			.build();
		StreamProcessorDefinition<Map<String, AttributeValue>> processor = new StreamProcessorDefinition<>("metered",
				table, options, ResolvableType.forClass(Map.class), (image) -> image, function);
		this.runtime = new ProcessorRuntime(processor, STREAM, this.client, new InMemoryCheckpointStore(),
				this.failed::add, FAST, new MicrometerRuntimeMetrics(this.registry), this.clock);
		this.runtime.start();
	}

}
