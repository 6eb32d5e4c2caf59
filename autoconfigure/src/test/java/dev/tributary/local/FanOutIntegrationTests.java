package dev.tributary.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.RecordProcessingException;
import dev.tributary.SqsFanOut;
import dev.tributary.SqsMessage;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.SqsQueueBinding;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.FaultInjectingProxy;
import dev.tributary.test.FaultInjectingProxy.Faults;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A table's changes fanned out to a FIFO queue by a stream processor and read from the queue by
 * an SQS processor, in the local runtime against moto: every change arrives, each item's in order;
 * and a send that fails (an outage injected between the fan-out and moto) fails its record, which
 * the stream retries until the queue takes it.
 */
@ExtendWith(MotoServerExtension.class)
class FanOutIntegrationTests {

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	@Test
	void aTablesChangesReachTheQueueProcessorInOrderPerItem() {
		TableDescriptor table = this.fixture.newTable("fanout");
		this.fixture.createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
		SqsQueueDescriptor queue = new SqsQueueDescriptor("changes", "changes-" + UUID.randomUUID() + ".fifo", null,
				true, Duration.ofSeconds(5), null, 5);
		SqsFanOut fanOut = new SqsFanOut(this.fixture.sqs, (id) -> queue);
		List<String> queued = LocalRuntimeFixture.synchronizedList();
		SqsProcessorDefinition<String> reader = new SqsProcessorDefinition<>("logQueued",
				new SqsQueueBinding(queue, SqsQueueOptions.defaults()), ProcessorOptions.defaults(),
				ResolvableType.forClass(String.class),
				StreamProcessors.forEach((SqsMessage<String> message) -> queued.add(message.payload())));
		this.fixture.start(new InMemoryCheckpointStore(), (definition) -> this.fixture.logged, LocalRuntimeFixture.FAST,
				List.of(reader),
				LocalRuntimeFixture.processor("forwardItems", table,
						new DynamoDbStreamOptions(StreamViewType.NEW_AND_OLD_IMAGES, StartingPosition.TRIM_HORIZON),
						ProcessorOptions.defaults(), fanOut.to("changes", FanOutIntegrationTests::change)));
		this.fixture.put(table, "one", "first");
		this.fixture.put(table, "two", "second");
		this.fixture.put(table, "one", "updated");
		await().atMost(Duration.ofSeconds(30)).until(() -> queued.size() >= 3);
		assertThat(queued).containsExactlyInAnyOrder("INSERT one -> first", "INSERT two -> second",
				"MODIFY one -> updated");
		assertThat(queued.indexOf("INSERT one -> first")).isLessThan(queued.indexOf("MODIFY one -> updated"));
	}

	@Test
	void aSendThatFailsIsAttributedToItsRecordWhichTheStreamRetriesUntilTheQueueTakesIt() throws Exception {
		TableDescriptor table = this.fixture.newTable("fanout");
		this.fixture.createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
		String name = "changes-" + UUID.randomUUID();
		String url = this.fixture.sqs.createQueue((request) -> request.queueName(name)).queueUrl();
		SqsQueueDescriptor queue = new SqsQueueDescriptor("changes", name, null, false, Duration.ofSeconds(30), null, 5);
		try (FaultInjectingProxy proxy = new FaultInjectingProxy(MotoServerExtension.endpoint(),
				new Faults(0, 0, 0, 0, Duration.ZERO), 7);
				SqsClient throughProxy = AwsTestClients.configure(SqsClient.builder())
					.endpointOverride(proxy.endpoint())
					.httpClient(UrlConnectionHttpClient.create())
					.overrideConfiguration((config) -> config.retryStrategy((retry) -> retry.maxAttempts(1)))
					.build()) {
			Function<Flux<StreamRecord<Map<String, AttributeValue>>>, Mono<Void>> forward = new SqsFanOut(throughProxy,
					(id) -> queue)
				.to("changes", FanOutIntegrationTests::change);
			List<String> failed = LocalRuntimeFixture.synchronizedList();
			proxy.outage(true);
			this.fixture.start(new InMemoryCheckpointStore(), LocalRuntimeFixture.processor("forwardItems", table,
					new DynamoDbStreamOptions(StreamViewType.NEW_AND_OLD_IMAGES, StartingPosition.TRIM_HORIZON),
					ProcessorOptions.defaults(), (records) -> forward.apply(records)
						.doOnError(RecordProcessingException.class, (ex) -> failed.add(ex.getItemIdentifier()))));
			this.fixture.put(table, "one", "first");
			this.fixture.put(table, "two", "second");
			await().atMost(Duration.ofSeconds(30)).until(() -> !failed.isEmpty());
			proxy.outage(false);
			List<String> bodies = LocalRuntimeFixture.synchronizedList();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				this.fixture.sqs.receiveMessage((request) -> request.queueUrl(url).maxNumberOfMessages(10))
					.messages()
					.forEach((message) -> bodies.add(message.body()));
				return bodies.containsAll(List.of("INSERT one -> first", "INSERT two -> second"));
			});
			// The failure named the first record of the stream, whose sequence number comes first.
			assertThat(failed).allSatisfy((identifier) -> assertThat(identifier).isEqualTo(failed.get(0)));
			assertThat(proxy.count("outage")).isPositive();
		}
	}

	private static String change(StreamRecord<Map<String, AttributeValue>> record) {
		return record.eventName() + " " + LocalRuntimeFixture.id(record) + " -> "
				+ record.newImage().map((image) -> image.get("content").s()).orElse("(deleted)");
	}

}
