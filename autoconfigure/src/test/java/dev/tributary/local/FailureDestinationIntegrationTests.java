package dev.tributary.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorDefinition;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.failure.FailureDestinationAddress;
import dev.tributary.local.failure.SnsFailureDestination;
import dev.tributary.local.failure.SqsFailureDestination;
import dev.tributary.local.provision.QueueProvisioner;
import dev.tributary.local.provision.TopicProvisioner;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On-failure destinations of the local runtime against moto_server through the real SDK: an SNS
 * topic, a queue the runtime creates, and a destination outage injected with an SDK
 * {@link ExecutionInterceptor}.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
class FailureDestinationIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	private final SnsClient sns = AwsTestClients.sns();

	private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

	private final List<String> processed = LocalRuntimeFixture.synchronizedList();

	@AfterEach
	void closeClients() {
		this.sns.close();
	}

	@Test
	void aPoisonRecordGoesToTheTopicWithItsContents() {
		TableDescriptor table = poisonedTable("topic");
		String topicArn = this.sns.createTopic((request) -> request.name(MotoServerExtension.uniqueName("failed")))
			.topicArn();
		String reader = this.fixture.createQueue("topic-reader");
		subscribe(topicArn, reader);
		TopicProvisioner topics = new TopicProvisioner(this.sns, false, "moto");
		this.fixture.start(this.checkpoints, (processor) -> new SnsFailureDestination(this.sns,
				topics.provision(processor.name(), address(processor))), poisoned(table, topicArn));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.processed.contains("p-9"));
		List<String> messages = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.fixture.receive(reader), (received) -> !received.isEmpty());
		assertThat(messages).hasSize(1);
		assertPoisonMessage(json.readTree(messages.get(0)), table);
	}

	@Test
	void theFailureQueueIsCreatedWhenMissing() {
		TableDescriptor table = poisonedTable("created");
		String queue = MotoServerExtension.uniqueName("created-dlq");
		QueueProvisioner queues = new QueueProvisioner(this.fixture.sqs, true, "moto");
		this.fixture.start(this.checkpoints, (processor) -> new SqsFailureDestination(this.fixture.sqs,
				queues.provision(processor.name(), address(processor))), poisoned(table, queue));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.processed.contains("p-9"));
		List<String> messages = this.fixture.receive(queue);
		assertThat(messages).hasSize(1);
		assertPoisonMessage(json.readTree(messages.get(0)), table);
	}

	@Test
	void aDestinationOutageDelaysTheShardButLosesNothing(CapturedOutput output) {
		TableDescriptor table = poisonedTable("outage");
		String queue = this.fixture.createQueue("outage-dlq");
		Outage outage = new Outage();
		try (SqsClient faulty = AwsTestClients.configure(SqsClient.builder())
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration((config) -> config.addExecutionInterceptor(outage))
			.build()) {
			this.fixture.start(this.checkpoints, (processor) -> new SqsFailureDestination(faulty, queue),
					poisoned(table, queue));
			// Default error backoff: 250 ms doubling (jittered), so five failures take a few seconds.
			await().atMost(Duration.ofSeconds(30)).until(() -> outage.failed.get() >= 5);
			// The shard waits on the failed batch: nothing after it is processed, nothing is sent.
			assertThat(this.processed).containsExactly("p-0", "p-1", "p-2");
			assertThat(this.fixture.receive(queue)).isEmpty();
			outage.down.set(false);
			await().atMost(Duration.ofSeconds(60)).until(() -> this.processed.contains("p-9"));
		}
		assertThat(this.processed).containsExactly("p-0", "p-1", "p-2", "p-5", "p-6", "p-7", "p-8", "p-9");
		List<String> messages = this.fixture.receive(queue);
		assertThat(messages).hasSize(1);
		assertPoisonMessage(json.readTree(messages.get(0)), table);
		List<String> sendLines = output.getAll()
			.lines()
			.filter((line) -> line.contains("SendToFailureDestination"))
			.filter((line) -> !line.contains(" DEBUG "))
			.toList();
		// One WARN when the streak starts, one when the reader counts as unavailable, one INFO at the end.
		assertThat(sendLines).hasSize(3);
		assertThat(sendLines.get(0)).contains(" WARN ").contains("SdkClientException: injected outage");
		assertThat(sendLines.get(1)).contains(" WARN ").contains("reported unavailable");
		assertThat(sendLines.get(2)).contains(" INFO ")
			.contains("works again after " + outage.failed.get() + " failed attempt(s)");
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("injected outage\n\tat ");
	}

	private TableDescriptor poisonedTable(String prefix) {
		TableDescriptor table = this.fixture.newTable(prefix);
		this.fixture.createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
		this.fixture.putMany(table, "p", 0, 10);
		return table;
	}

	private StreamProcessorDefinition<?> poisoned(TableDescriptor table, String destination) {
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.NEW_AND_OLD_IMAGES, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(5)
			.maxRetryAttempts(1)
			.onFailureDestination(destination)
			.build();
		return LocalRuntimeFixture.processor("poisoned", table, source, options, StreamProcessors.forEach((record) -> {
			String id = LocalRuntimeFixture.id(record);
			if (id.equals("p-3")) {
				throw new IllegalStateException("cannot digest p-3");
			}
			this.processed.add(id);
		}));
	}

	private static FailureDestinationAddress address(ProcessorDefinition<?> processor) {
		return FailureDestinationAddress.parse(processor.options().onFailureDestination().orElseThrow());
	}

	private void subscribe(String topicArn, String queue) {
		String url = this.fixture.sqs.getQueueUrl((request) -> request.queueName(queue)).queueUrl();
		String queueArn = this.fixture.sqs
			.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
		this.sns.subscribe((request) -> request.topicArn(topicArn)
			.protocol("sqs")
			.endpoint(queueArn)
			.attributes(Map.of("RawMessageDelivery", "true")));
	}

	private static void assertPoisonMessage(JsonNode message, TableDescriptor table) {
		assertThat(message.get("processor").asString()).isEqualTo("poisoned");
		assertThat(message.get("reason").asString()).isEqualTo("RETRY_ATTEMPTS_EXHAUSTED");
		assertThat(message.get("attempts").asInt()).isEqualTo(2);
		assertThat(message.get("errorMessage").asString()).contains("cannot digest p-3");
		assertThat(message.get("DDBStreamBatchInfo").get("streamArn").asString()).contains(table.name());
		assertThat(message.get("DDBStreamBatchInfo").get("batchSize").asInt()).isEqualTo(2);
		JsonNode records = message.get("Records");
		assertThat(records).hasSize(2);
		assertThat(records.get(0).get("dynamodb").get("Keys").get("id").get("S").asString()).isEqualTo("p-3");
		assertThat(records.get(0).get("dynamodb").get("NewImage").get("content").get("S").asString()).isEqualTo("c3");
		assertThat(records.get(1).get("dynamodb").get("Keys").get("id").get("S").asString()).isEqualTo("p-4");
	}

	/**
	 * Fails every SendMessage before it leaves the client while the destination is down.
	 */
	private static final class Outage implements ExecutionInterceptor {

		private final AtomicBoolean down = new AtomicBoolean(true);

		private final AtomicInteger failed = new AtomicInteger();

		@Override
		public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
			if (context.request() instanceof SendMessageRequest && this.down.get()) {
				this.failed.incrementAndGet();
				throw SdkClientException.create("injected outage");
			}
		}

	}

}
