package dev.tributary.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.RecordProcessingException;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failure semantics of the local runtime against moto_server through the real SDK: retries,
 * the failure queue, {@link RecordProcessingException} and bisection.
 */
@ExtendWith(MotoServerExtension.class)
class FailureHandlingIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

	@Test
	void sendsAPoisonRecordToTheFailureQueueAfterItsRetriesAndProcessesLaterRecords() {
		TableDescriptor table = this.fixture.newTable("poison");
		this.fixture.createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
		this.fixture.putMany(table, "p", 0, 10);
		String queue = this.fixture.createQueue("poison-dlq");
		List<String> processed = LocalRuntimeFixture.synchronizedList();
		List<String> attempts = LocalRuntimeFixture.synchronizedList();
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.NEW_AND_OLD_IMAGES, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(5)
			.maxRetryAttempts(2)
			.onFailureDestination(queue)
			.build();
		this.fixture.start(this.checkpoints,
				LocalRuntimeFixture.processor("poisoned", table, source, options, StreamProcessors.forEach((record) -> {
					String id = LocalRuntimeFixture.id(record);
					attempts.add(id);
					if (id.equals("p-3")) {
						throw new IllegalStateException("cannot digest p-3");
					}
					processed.add(id);
				})));
		await().atMost(Duration.ofSeconds(20)).until(() -> processed.contains("p-9"));
		assertThat(processed).containsExactly("p-0", "p-1", "p-2", "p-5", "p-6", "p-7", "p-8", "p-9");
		assertThat(attempts.stream().filter("p-3"::equals)).hasSize(3);
		List<String> messages = this.fixture.receive(queue);
		assertThat(messages).hasSize(1);
		JsonNode message = json.readTree(messages.get(0));
		assertThat(message.get("processor").asString()).isEqualTo("poisoned");
		assertThat(message.get("attempts").asInt()).isEqualTo(3);
		assertThat(message.get("reason").asString()).isEqualTo("RETRY_ATTEMPTS_EXHAUSTED");
		assertThat(message.get("errorMessage").asString()).contains("cannot digest p-3");
		assertThat(message.get("DDBStreamBatchInfo").get("shardId").asString()).isNotEmpty();
		assertThat(message.get("DDBStreamBatchInfo").get("streamArn").asString()).contains(table.name());
		JsonNode poison = message.get("Records").get(0);
		assertThat(poison.get("eventName").asString()).isEqualTo("INSERT");
		assertThat(poison.get("dynamodb").get("Keys").get("id").get("S").asString()).isEqualTo("p-3");
		assertThat(poison.get("dynamodb").get("NewImage").get("content").get("S").asString()).isEqualTo("c3");
		assertThat(message.get("DDBStreamBatchInfo").get("startSequenceNumber").asString())
			.isEqualTo(poison.get("dynamodb").get("SequenceNumber").asString());
		// Lambda gives up on the rest of the failed batch with it: p-4 went to the queue as well.
		assertThat(message.get("Records")).hasSize(2);
	}

	@Test
	void retriesFromTheRecordAProcessorReports() {
		TableDescriptor table = this.fixture.newTable("report");
		this.fixture.createTable(table, StreamViewType.KEYS_ONLY);
		this.fixture.putMany(table, "k", 0, 10);
		List<List<String>> invocations = LocalRuntimeFixture.synchronizedList();
		List<String> processed = LocalRuntimeFixture.synchronizedList();
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(10)
			.build();
		this.fixture.start(this.checkpoints,
				LocalRuntimeFixture.processor("reporting", table, source, options, (records) -> records.collectList()
					.doOnNext((batch) -> {
						invocations.add(batch.stream().map(LocalRuntimeFixture::id).toList());
						for (var record : batch) {
							if (invocations.size() == 1 && LocalRuntimeFixture.id(record).equals("k-4")) {
								throw new RecordProcessingException(record, new IllegalStateException("k-4 failed"));
							}
							processed.add(LocalRuntimeFixture.id(record));
						}
					})
					.then()));
		await().atMost(Duration.ofSeconds(20)).until(() -> processed.contains("k-9"));
		assertThat(invocations).hasSize(2);
		assertThat(invocations.get(1)).containsExactly("k-4", "k-5", "k-6", "k-7", "k-8", "k-9");
		assertThat(processed).containsExactly("k-0", "k-1", "k-2", "k-3", "k-4", "k-5", "k-6", "k-7", "k-8", "k-9");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.checkpoints.find(this.fixture.checkpointKey("reporting", table), shardOf(table)))
				.hasValueSatisfying((checkpoint) -> assertThat(checkpoint.sequenceNumber()).isNotNull()));
	}

	@Test
	void bisectsAFailingBatchUntilOnlyThePoisonRecordIsLeft() {
		TableDescriptor table = this.fixture.newTable("bisect");
		this.fixture.createTable(table, StreamViewType.KEYS_ONLY);
		this.fixture.putMany(table, "b", 0, 8);
		String queue = this.fixture.createQueue("bisect-dlq");
		List<Integer> invocationSizes = LocalRuntimeFixture.synchronizedList();
		Map<String, Integer> processed = new java.util.concurrent.ConcurrentHashMap<>();
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(8)
			.bisectOnError(true)
			.maxRetryAttempts(0)
			.onFailureDestination(queue)
			.build();
		this.fixture.start(this.checkpoints,
				LocalRuntimeFixture.processor("bisecting", table, source, options, (records) -> records.collectList()
					.doOnNext((batch) -> {
						invocationSizes.add(batch.size());
						if (batch.stream().anyMatch((record) -> LocalRuntimeFixture.id(record).equals("b-5"))) {
							throw new IllegalStateException("batch holds b-5");
						}
						batch.forEach((record) -> processed.merge(LocalRuntimeFixture.id(record), 1, Integer::sum));
					})
					.then()));
		await().atMost(Duration.ofSeconds(20)).until(() -> processed.containsKey("b-7"));
		assertThat(invocationSizes).containsExactly(8, 4, 4, 2, 1, 1, 2);
		assertThat(processed).containsOnlyKeys("b-0", "b-1", "b-2", "b-3", "b-4", "b-6", "b-7");
		assertThat(processed.values()).containsOnly(1);
		List<String> messages = this.fixture.receive(queue);
		assertThat(messages).hasSize(1);
		JsonNode records = json.readTree(messages.get(0)).get("Records");
		assertThat(records).hasSize(1);
		assertThat(records.get(0).get("dynamodb").get("Keys").get("id").get("S").asString()).isEqualTo("b-5");
	}

	private String shardOf(TableDescriptor table) {
		String streamArn = this.fixture.dynamoDb.describeTable((request) -> request.tableName(table.name()))
			.table()
			.latestStreamArn();
		return this.fixture.streams.describeStream((request) -> request.streamArn(streamArn))
			.streamDescription()
			.shards()
			.get(0)
			.shardId();
	}

}
