package dev.tributary.local;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisRecord;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import dev.tributary.KinesisStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.batch.PayloadMappingException;
import dev.tributary.local.checkpoint.DynamoDbCheckpointStore;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.failure.FailedBatch;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.HashKeyRange;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local runtime reading Kinesis streams in moto_server through the shared shard engine:
 * every shard, lineage after a real split, restarts, failures, filters and starting positions.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
class KinesisLocalRuntimeIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final KinesisStreamOptions TRIM_HORIZON = new KinesisStreamOptions(StartingPosition.TRIM_HORIZON,
			null);

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	private final List<String> seen = LocalRuntimeFixture.synchronizedList();

	@Test
	void readsEveryShardOfTheStreamItCreatesAndKeepsEachPartitionKeyInOrder() {
		KinesisStreamDescriptor stream = stream("multi", 3);
		LocalStreamRuntime runtime = start(stream, TRIM_HORIZON,
				ProcessorOptions.builder().batchSize(7).parallelizationFactor(3).build(), collect());
		for (int round = 0; round < 5; round++) {
			for (int key = 0; key < 12; key++) {
				put(stream, "key-" + key, "key-" + key + ":" + round);
			}
		}
		await().atMost(WAIT).until(() -> this.seen.size() >= 60);
		assertThat(this.seen).hasSize(60);
		for (int key = 0; key < 12; key++) {
			String prefix = "key-" + key + ":";
			assertThat(this.seen.stream().filter((payload) -> payload.startsWith(prefix)).toList())
				.containsExactly(prefix + 0, prefix + 1, prefix + 2, prefix + 3, prefix + 4);
		}
		ProcessorStatus status = runtime.getStatus().get(0);
		assertThat(status.table()).isEqualTo(stream.name());
		assertThat(status.shards()).hasSize(3).allSatisfy((shard) -> assertThat(shard.state()).isEqualTo(ShardState.READING));
		assertThat(status.shards().stream().mapToLong(ShardStatus::recordsProcessed).sum()).isEqualTo(60);
	}

	@Test
	void readsAParentShardBeforeTheChildrenOfItsSplit() {
		KinesisStreamDescriptor stream = stream("split", 1);
		LocalStreamRuntime runtime = start(stream, TRIM_HORIZON,
				ProcessorOptions.defaults(), collect());
		put(stream, "a", "before");
		await().atMost(WAIT).until(() -> this.seen.contains("before"));
		String parent = "shardId-000000000000";
		HashKeyRange range = this.fixture.kinesis.listShards((request) -> request.streamName(stream.name()))
			.shards()
			.get(0)
			.hashKeyRange();
		String middle = new BigInteger(range.startingHashKey()).add(new BigInteger(range.endingHashKey()))
			.shiftRight(1)
			.toString();
		this.fixture.kinesis.splitShard((request) -> request.streamName(stream.name())
			.shardToSplit(parent)
			.newStartingHashKey(middle));
		for (int i = 0; i < 10; i++) {
			put(stream, "key-" + i, "after-" + i);
		}
		await().atMost(WAIT).until(() -> this.seen.size() >= 11);
		// moto keeps writing to the parent after a split, and its children stay empty: the parent
		// never ends there, so its children wait for it, as lineage demands.
		await().atMost(WAIT).untilAsserted(() -> assertThat(runtime.getStatus().get(0).shards()).hasSize(3)
			.allSatisfy((shard) -> assertThat(shard.state())
				.isEqualTo(parent.equals(shard.shardId()) ? ShardState.READING : ShardState.WAITING_FOR_PARENT)));
		assertThat(this.seen).hasSize(11).startsWith("before");
	}

	@Test
	void aRestartResumesAfterItsCheckpointAndReadsWhatWasWrittenWhileStopped() {
		KinesisStreamDescriptor stream = stream("restart", 2);
		DynamoDbCheckpointStore checkpoints = new DynamoDbCheckpointStore(this.fixture.dynamoDb,
				MotoServerExtension.uniqueName("checkpoints"));
		KinesisProcessorDefinition<String> processor = processor("restart", stream, KinesisStreamOptions.defaults(),
				ProcessorOptions.defaults(), collect());
		LocalStreamRuntime first = this.fixture.start(checkpoints, List.of(processor));
		await().atMost(WAIT).until(() -> first.getStatus().get(0).shards().size() == 2
				&& first.getStatus().get(0).shards().stream().allMatch((shard) -> shard.state() == ShardState.READING));
		for (int i = 0; i < 6; i++) {
			put(stream, "key-" + i, "first-" + i);
		}
		await().atMost(WAIT).until(() -> this.seen.size() >= 6);
		first.stop();
		for (int i = 0; i < 6; i++) {
			put(stream, "key-" + i, "stopped-" + i);
		}
		this.fixture.start(checkpoints, List.of(processor));
		await().atMost(WAIT).until(() -> this.seen.size() >= 12);
		assertThat(this.seen).hasSize(12)
			.containsExactlyInAnyOrder("first-0", "first-1", "first-2", "first-3", "first-4", "first-5", "stopped-0",
					"stopped-1", "stopped-2", "stopped-3", "stopped-4", "stopped-5");
	}

	@Test
	void aRecordThatKeepsFailingGoesToTheFailureDestinationWithItsContentsAndTheShardMovesOn() {
		KinesisStreamDescriptor stream = stream("poison", 1);
		List<FailedBatch<?>> failed = LocalRuntimeFixture.synchronizedList();
		KinesisProcessorDefinition<String> processor = processor("poison", stream,
				TRIM_HORIZON,
				ProcessorOptions.builder().maxRetryAttempts(1).bisectOnError(true).build(),
				StreamProcessors.forEach((KinesisRecord<String> record) -> {
					if (record.payload().equals("poison")) {
						throw new IllegalStateException("cannot take it");
					}
					this.seen.add(record.payload());
				}));
		this.fixture.start(new InMemoryCheckpointStore(), (definition) -> failed::add, List.of(processor));
		put(stream, "k", "one");
		put(stream, "k", "poison");
		put(stream, "k", "two");
		await().atMost(WAIT).until(() -> this.seen.contains("two"));
		assertThat(this.seen).containsExactly("one", "two");
		assertThat(failed).singleElement().satisfies((batch) -> {
			assertThat(batch.records()).hasSize(1);
			assertThat(batch.source()).isEqualTo(stream.name());
			assertThat(batch.reason()).isEqualTo(FailedBatch.Reason.RETRY_ATTEMPTS_EXHAUSTED);
			assertThat(batch.errorMessage()).contains("cannot take it");
			assertThat(batch.type().batchInfoName()).isEqualTo("KinesisBatchInfo");
			assertThat(lambdaRecord(batch)).containsEntry("eventSource", "aws:kinesis");
		});
	}

	@Test
	void aPayloadThatCannotBeMappedIsThatRecordsFailureNotTheBatchs() {
		KinesisStreamDescriptor stream = stream("mapping", 1);
		List<FailedBatch<?>> failed = LocalRuntimeFixture.synchronizedList();
		List<String> pages = LocalRuntimeFixture.synchronizedList();
		KinesisProcessorDefinition<Click> processor = new KinesisProcessorDefinition<>("clicks",
				new KinesisStreamBinding(stream, TRIM_HORIZON),
				ProcessorOptions.builder().maxRetryAttempts(0).bisectOnError(true).build(),
				ResolvableType.forClass(Click.class),
				StreamProcessors.forEach((KinesisRecord<Click> record) -> pages.add(record.payload().page())));
		this.fixture.start(new InMemoryCheckpointStore(), (definition) -> failed::add, List.of(processor));
		put(stream, "k", "{\"page\":\"/home\"}");
		put(stream, "k", "not json");
		put(stream, "k", "{\"page\":\"/cart\"}");
		await().atMost(WAIT).until(() -> pages.contains("/cart"));
		assertThat(pages).containsExactly("/home", "/cart");
		assertThat(failed).singleElement().satisfies((batch) -> {
			assertThat(batch.records()).hasSize(1);
			assertThat(batch.errorType()).isEqualTo(PayloadMappingException.class.getName());
		});
	}

	@Test
	void filterPatternsSeeTheJsonPayloadUnderTheDataKey() {
		KinesisStreamDescriptor stream = stream("filter", 1);
		start(stream, TRIM_HORIZON,
				ProcessorOptions.builder().filterPatterns(List.of("{\"data\":{\"type\":[\"buy\"]}}")).build(), collect());
		put(stream, "k", "{\"type\":\"sell\",\"n\":1}");
		put(stream, "k", "{\"type\":\"buy\",\"n\":2}");
		put(stream, "k", "buy");
		put(stream, "k", "{\"type\":\"buy\",\"n\":3}");
		await().atMost(WAIT).until(() -> this.seen.size() >= 2);
		await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> this.seen.size() == 2);
		assertThat(this.seen).containsExactly("{\"type\":\"buy\",\"n\":2}", "{\"type\":\"buy\",\"n\":3}");
	}

	@Test
	void atTimestampStartsAtTheFirstRecordThatArrivedAtOrAfterIt() throws InterruptedException {
		KinesisStreamDescriptor stream = stream("timestamp", 1);
		this.fixture.kinesis.createStream((request) -> request.streamName(stream.name()).shardCount(1));
		put(stream, "k", "old");
		Thread.sleep(1100);
		Instant timestamp = Instant.now();
		Thread.sleep(100);
		put(stream, "k", "new");
		start(stream, new KinesisStreamOptions(StartingPosition.AT_TIMESTAMP, timestamp), ProcessorOptions.defaults(),
				collect());
		await().atMost(WAIT).until(() -> this.seen.contains("new"));
		assertThat(this.seen).containsExactly("new");
	}

	@Test
	void aKinesisProcessorRunsBesideADynamoDbProcessor(CapturedOutput output) {
		TableDescriptor table = this.fixture.newTable("beside");
		this.fixture.createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
		this.fixture.putMany(table, "s", 0, 3);
		KinesisStreamDescriptor stream = stream("beside", 1);
		List<String> items = LocalRuntimeFixture.synchronizedList();
		this.fixture.start(new InMemoryCheckpointStore(),
				List.of(processor("events", stream, TRIM_HORIZON, ProcessorOptions.defaults(), collect())),
				LocalRuntimeFixture.processor("items", table,
						new DynamoDbStreamOptions(StreamViewType.NEW_AND_OLD_IMAGES, StartingPosition.TRIM_HORIZON),
						ProcessorOptions.defaults(),
						(records) -> records.doOnNext((record) -> items.add(LocalRuntimeFixture.id(record))).then()));
		put(stream, "k1", "hello");
		await().atMost(WAIT).until(() -> items.size() >= 3 && this.seen.contains("hello"));
		assertThat(items).containsExactly("s-0", "s-1", "s-2");
		assertThat(output.getAll()).contains("Tributary local runtime started 2 processor(s)")
			.contains("Created Kinesis stream '" + stream.name() + "' (1 shard(s))");
	}

	private Function<Flux<KinesisRecord<String>>, Mono<Void>> collect() {
		return StreamProcessors.forEach((KinesisRecord<String> record) -> this.seen.add(record.payload()));
	}

	private LocalStreamRuntime start(KinesisStreamDescriptor stream, KinesisStreamOptions source,
			ProcessorOptions options, Function<Flux<KinesisRecord<String>>, Mono<Void>> function) {
		return this.fixture.start(new InMemoryCheckpointStore(),
				List.of(processor(stream.id(), stream, source, options, function)));
	}

	private static KinesisProcessorDefinition<String> processor(String name, KinesisStreamDescriptor stream,
			KinesisStreamOptions source, ProcessorOptions options,
			Function<Flux<KinesisRecord<String>>, Mono<Void>> function) {
		return new KinesisProcessorDefinition<>(name, new KinesisStreamBinding(stream, source), options,
				ResolvableType.forClass(String.class), function);
	}

	private static KinesisStreamDescriptor stream(String prefix, int shards) {
		String name = prefix + "-" + UUID.randomUUID();
		return new KinesisStreamDescriptor(prefix, name, null, KinesisStreamMode.PROVISIONED, shards);
	}

	private void put(KinesisStreamDescriptor stream, String partitionKey, String payload) {
		this.fixture.kinesis.putRecord((request) -> request.streamName(stream.name())
			.partitionKey(partitionKey)
			.data(SdkBytes.fromUtf8String(payload)));
	}

	@SuppressWarnings("unchecked")
	private static <R> Map<String, Object> lambdaRecord(FailedBatch<R> batch) {
		return batch.type().toLambdaRecord(batch.records().get(0), batch.streamArn());
	}

	record Click(String page) {
	}

}
