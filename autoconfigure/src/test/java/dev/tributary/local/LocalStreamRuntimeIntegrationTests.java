package dev.tributary.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.local.checkpoint.DynamoDbCheckpointStore;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local runtime against moto_server through the real SDK: order, batching, starting
 * positions and resuming from DynamoDB checkpoints.
 */
@ExtendWith(MotoServerExtension.class)
class LocalStreamRuntimeIntegrationTests {

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	@Test
	void deliversRecordsInOrderInBatchesOfTheConfiguredSize() {
		TableDescriptor table = this.fixture.newTable("order");
		this.fixture.createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
		this.fixture.putMany(table, "o", 0, 50);
		List<String> seen = LocalRuntimeFixture.synchronizedList();
		List<Integer> batchSizes = LocalRuntimeFixture.synchronizedList();
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.NEW_AND_OLD_IMAGES, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(7)
			.build();
		this.fixture.start(new InMemoryCheckpointStore(),
				LocalRuntimeFixture.processor("ordered", table, source, options, (records) -> records.collectList()
					.doOnNext((batch) -> {
						batchSizes.add(batch.size());
						batch.forEach((record) -> seen.add(LocalRuntimeFixture.id(record)));
					})
					.then()));
		await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= 50);
		assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 50).mapToObj((i) -> "o-" + i).toList());
		assertThat(batchSizes).containsExactly(7, 7, 7, 7, 7, 7, 7, 1);
	}

	@Test
	void gathersRecordsForTheMaximumBatchingWindow() {
		TableDescriptor table = this.fixture.newTable("window");
		List<Integer> batchSizes = LocalRuntimeFixture.synchronizedList();
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(100)
			.maxBatchingWindow(Duration.ofSeconds(1))
			.build();
		LocalStreamRuntime runtime = this.fixture.start(new InMemoryCheckpointStore(),
				LocalRuntimeFixture.processor("windowed", table, source, options,
						(records) -> records.count().doOnNext((count) -> batchSizes.add(count.intValue())).then()));
		awaitReading(runtime);
		for (int i = 0; i < 5; i++) {
			this.fixture.put(table, "w-" + i, "c");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> !batchSizes.isEmpty());
		assertThat(batchSizes).containsExactly(5);
	}

	@Test
	void startsAtLatestOrAtTheTrimHorizonOnFirstStart() {
		TableDescriptor table = this.fixture.newTable("start");
		this.fixture.createTable(table, StreamViewType.KEYS_ONLY);
		this.fixture.put(table, "before-1", "x");
		this.fixture.put(table, "before-2", "x");
		List<String> latest = LocalRuntimeFixture.synchronizedList();
		List<String> horizon = LocalRuntimeFixture.synchronizedList();
		LocalStreamRuntime runtime = this.fixture.start(new InMemoryCheckpointStore(),
				LocalRuntimeFixture.processor("latest", table, ProcessorOptions.defaults(),
						dev.tributary.StreamProcessors.forEach((record) -> latest.add(LocalRuntimeFixture.id(record)))),
				LocalRuntimeFixture.processor("horizon", table,
						new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON), ProcessorOptions.defaults(),
						dev.tributary.StreamProcessors
							.forEach((record) -> horizon.add(LocalRuntimeFixture.id(record)))));
		awaitReading(runtime);
		this.fixture.put(table, "after-1", "x");
		await().atMost(Duration.ofSeconds(10)).until(() -> latest.contains("after-1") && horizon.contains("after-1"));
		assertThat(horizon).containsExactly("before-1", "before-2", "after-1");
		assertThat(latest).containsExactly("after-1");
	}

	@Test
	void resumesFromItsCheckpointAfterAnAbruptStopWithoutLosingRecords() {
		TableDescriptor table = this.fixture.newTable("resume");
		this.fixture.createTable(table, StreamViewType.KEYS_ONLY);
		int total = 2000;
		int batchSize = 100;
		this.fixture.putMany(table, "r", 0, total);
		DynamoDbCheckpointStore checkpoints = new DynamoDbCheckpointStore(this.fixture.dynamoDb,
				MotoServerExtension.uniqueName("checkpoints"));
		Map<String, Integer> seen = new ConcurrentHashMap<>();
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(batchSize)
			.build();
		LocalStreamRuntime first = this.fixture.start(checkpoints,
				LocalRuntimeFixture.processor("resuming", table, source, options, (records) -> records
					.doOnNext((record) -> seen.merge(LocalRuntimeFixture.id(record), 1, Integer::sum))
					.then()));
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> seen.size() >= 500);
		first.abort();
		int seenBeforeRestart = seen.size();
		assertThat(seenBeforeRestart).isLessThan(total);
		this.fixture.start(checkpoints, LocalRuntimeFixture.processor("resuming", table, source, options,
				(records) -> records.doOnNext((record) -> seen.merge(LocalRuntimeFixture.id(record), 1, Integer::sum))
					.then()));
		await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == total);
		int duplicates = seen.values().stream().mapToInt((count) -> count - 1).sum();
		assertThat(duplicates).isLessThanOrEqualTo(batchSize);
	}

	@Test
	void skipsAndCheckpointsRecordsTheFilterRejects() {
		TableDescriptor table = this.fixture.newTable("filter");
		this.fixture.createTable(table, StreamViewType.KEYS_ONLY);
		this.fixture.put(table, "a", "1");
		this.fixture.put(table, "b", "1");
		this.fixture.put(table, "a", "2");
		List<String> seen = LocalRuntimeFixture.synchronizedList();
		InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.filterPatterns(List.of("{\"eventName\": [\"INSERT\"]}"))
			.build();
		LocalStreamRuntime runtime = this.fixture.start(checkpoints, LocalRuntimeFixture.processor("filtered", table,
				source, options, dev.tributary.StreamProcessors.forEach((record) -> seen.add(record.eventName() + " "
						+ LocalRuntimeFixture.id(record)))));
		String streamArn = this.fixture.dynamoDb.describeTable((request) -> request.tableName(table.name()))
			.table()
			.latestStreamArn();
		String shardId = this.fixture.streams.describeStream((request) -> request.streamArn(streamArn))
			.streamDescription()
			.shards()
			.get(0)
			.shardId();
		String iterator = this.fixture.streams.getShardIterator((request) -> request.streamArn(streamArn)
			.shardId(shardId)
			.shardIteratorType(software.amazon.awssdk.services.dynamodb.model.ShardIteratorType.TRIM_HORIZON))
			.shardIterator();
		List<software.amazon.awssdk.services.dynamodb.model.Record> written = this.fixture.streams
			.getRecords((request) -> request.shardIterator(iterator))
			.records();
		String lastModify = written.get(2).dynamodb().sequenceNumber();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> checkpoints.find(this.fixture.checkpointKey("filtered", table), shardId)
				.map((checkpoint) -> lastModify.equals(checkpoint.sequenceNumber()))
				.orElse(false));
		assertThat(seen).containsExactly("INSERT a", "INSERT b");
		assertThat(runtime.getStatus().get(0).shards().get(0).checkpoint()).isEqualTo(lastModify);
	}

	@Test
	void aLatestProcessorRestartedBeforeItsFirstRecordReadsWhatWasWrittenWhileItWasDown() {
		TableDescriptor table = this.fixture.newTable("latest-restart");
		this.fixture.createTable(table, StreamViewType.KEYS_ONLY);
		this.fixture.put(table, "before", "x");
		// Stream timestamps have one-second resolution; the start time check allows for that.
		await().pollDelay(Duration.ofMillis(2100)).atMost(Duration.ofSeconds(3)).until(() -> true);
		DynamoDbCheckpointStore checkpoints = new DynamoDbCheckpointStore(this.fixture.dynamoDb,
				MotoServerExtension.uniqueName("checkpoints"));
		List<String> seen = LocalRuntimeFixture.synchronizedList();
		LocalStreamRuntime first = this.fixture.start(checkpoints, LocalRuntimeFixture.processor("restarted", table,
				ProcessorOptions.defaults(),
				dev.tributary.StreamProcessors.forEach((record) -> seen.add(LocalRuntimeFixture.id(record)))));
		awaitReading(first);
		first.stop();
		this.fixture.put(table, "while-down", "x");
		LocalStreamRuntime second = this.fixture.start(checkpoints, LocalRuntimeFixture.processor("restarted",
				table, ProcessorOptions.defaults(),
				dev.tributary.StreamProcessors.forEach((record) -> seen.add(LocalRuntimeFixture.id(record)))));
		awaitReading(second);
		this.fixture.put(table, "after", "x");
		await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("after"));
		assertThat(seen).containsExactly("while-down", "after");
	}

	private static void awaitReading(LocalStreamRuntime runtime) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> runtime.getStatus()
				.stream()
				.allMatch((processor) -> !processor.shards().isEmpty() && processor.shards()
					.stream()
					.allMatch((shard) -> shard.state() == ShardState.READING)));
	}


}
