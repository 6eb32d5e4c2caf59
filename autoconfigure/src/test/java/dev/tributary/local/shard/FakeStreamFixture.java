package dev.tributary.local.shard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.StreamRecord;
import dev.tributary.TableDescriptor;
import dev.tributary.dynamodb.local.DynamoDbLocalSource;
import dev.tributary.local.LocalRuntimeFixture;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.checkpoint.StreamScopedCheckpointStore;
import dev.tributary.local.failure.FailureDestination;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.util.Assert;

/**
 * Runs one processor over a {@link FakeStreamClient} with in-memory checkpoints and fast
 * polling and backoff, for what moto cannot show; {@link LocalRuntimeFixture} does the same
 * against moto. Register it with {@code @RegisterExtension}: it stops the last runtime it
 * started after each test.
 */
final class FakeStreamFixture implements AfterEachCallback {

	static final String STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/Fake/stream/1";

	static final TableDescriptor TABLE = new TableDescriptor("Fake", "Fake",
			new KeyAttribute("id", KeyAttribute.ScalarType.S), null);

	static final LocalRuntimeOptions FAST = LocalRuntimeOptions.builder()
		.pollInterval(Duration.ofMillis(5))
		.maxIdlePollInterval(Duration.ofMillis(20))
		.initialThrottleBackoff(Duration.ofMillis(20))
		.maxThrottleBackoff(Duration.ofMillis(400))
		.initialErrorBackoff(Duration.ofMillis(5))
		.maxErrorBackoff(Duration.ofMillis(20))
		.initialRetryBackoff(Duration.ofMillis(5))
		.maxRetryBackoff(Duration.ofMillis(10))
		.shardDiscoveryInterval(Duration.ofMillis(20))
		.shutdownTimeout(Duration.ofSeconds(2))
		.build();

	final FakeStreamClient client = new FakeStreamClient();

	/** What the runtime is given: every processor's checkpoints and leases. */
	final InMemoryCheckpointStore store = new InMemoryCheckpointStore();

	/** The fake stream's checkpoints and leases, as the runtime keys them. */
	final CheckpointStore checkpoints = new StreamScopedCheckpointStore(this.store, () -> STREAM);

	private @Nullable ProcessorRuntime runtime;

	/** A stream whose records have no creation time. */
	FakeStreamFixture() {
	}

	/** A stream whose records were written at {@code recordsCreatedAt}, until the test says otherwise. */
	FakeStreamFixture(Instant recordsCreatedAt) {
		this.client.createdAt(recordsCreatedAt);
	}

	/**
	 * Start a runtime for a processor over raw images of {@link #TABLE}.
	 * @param name the processor's name, which its checkpoints and meters carry
	 * @param options the processor's options
	 * @param function the processor's function
	 * @param destination where records go when retries run out
	 * @param metrics where metrics go
	 * @param clock the clock record ages are measured with
	 * @return the started runtime, also {@link #runtime()} from now on
	 */
	ProcessorRuntime start(String name, ProcessorOptions options,
			Function<Flux<StreamRecord<Map<String, AttributeValue>>>, Mono<Void>> function,
			FailureDestination destination, RuntimeMetrics metrics, Clock clock) {
		return start(name, DynamoDbStreamOptions.defaults(), options, function, destination, metrics, clock);
	}

	/**
	 * Start a processor on the fake stream with the given DynamoDB stream options.
	 * @param name the processor's name, which its checkpoints and meters carry
	 * @param stream the processor's DynamoDB stream options
	 * @param options the processor's options
	 * @param function the processor's function
	 * @param destination where records go when retries run out
	 * @param metrics where metrics go
	 * @param clock the clock record ages are measured with
	 * @return the started runtime, also {@link #runtime()} from now on
	 */
	ProcessorRuntime start(String name, DynamoDbStreamOptions stream, ProcessorOptions options,
			Function<Flux<StreamRecord<Map<String, AttributeValue>>>, Mono<Void>> function,
			FailureDestination destination, RuntimeMetrics metrics, Clock clock) {
		ProcessorRuntime<Record> started = DynamoDbLocalSource.runtime(
				LocalRuntimeFixture.processor(name, TABLE, stream, options, function),
				STREAM, this.client, this.store, destination, FAST, metrics, clock);
		this.runtime = started;
		started.start();
		return started;
	}

	/**
	 * The runtime started last.
	 * @return the runtime
	 */
	ProcessorRuntime runtime() {
		Assert.state(this.runtime != null, "No runtime started");
		return this.runtime;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.runtime != null) {
			this.runtime.stop();
		}
	}

}
