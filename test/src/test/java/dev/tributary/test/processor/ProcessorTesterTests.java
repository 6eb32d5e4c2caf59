package dev.tributary.test.processor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisRecord;
import dev.tributary.RecordProcessingException;
import dev.tributary.SqsMessage;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.lambda.DynamoDbStreamEventException;
import dev.tributary.lambda.KinesisStreamEventException;
import dev.tributary.test.event.DynamoDbEvents;
import dev.tributary.test.event.KinesisEvents;
import dev.tributary.test.event.LambdaEvent;
import dev.tributary.test.event.SqsEvents;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProcessorTesterTests {

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@Test
	void aQueueFailureNamesTheFailedMessageAndEveryMessageAfterIt() {
		ProcessorTester tester = ProcessorTester.forSqs(String.class, StreamProcessors.forEach((message) -> {
			if (message.payload().equals("bad")) {
				throw new IllegalStateException("bad message");
			}
			this.seen.add(message.payload());
		}));
		BatchResult result = tester.invoke(SqsEvents.forQueue("Q").message("a").message("bad").message("c").build());
		assertThat(result).hasBatchItemFailures("message-2", "message-3").hasProcessed("message-1");
		assertThat(result.response()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"message-2\"},"
				+ "{\"itemIdentifier\":\"message-3\"}]}");
		assertThat(this.seen).containsExactly("a");
	}

	@Test
	void aFailureThatNamesNoRecordRetriesTheWholeBatch() {
		ProcessorTester tester = ProcessorTester.forKinesis(String.class,
				(records) -> Mono.error(new IllegalStateException("down")));
		BatchResult result = tester.invoke(KinesisEvents.forStream("S").record("k", "a").record("k", "b").build());
		assertThat(result).hasBatchItemFailures("100").hasProcessed();
		assertThat(result.retriedItemIdentifiers()).containsExactly("100", "200");
	}

	@Test
	void aPayloadThatCannotBeMappedFailsAtItsRecord() {
		ProcessorTester tester = ProcessorTester.forKinesis(Click.class, StreamProcessors.forEach((record) -> {
		}));
		BatchResult result = tester.invoke(KinesisEvents.forStream("S")
			.json("k", new Click("ann"))
			.record("k", "not json")
			.json("k", new Click("bob"))
			.build());
		assertThat(result).hasBatchItemFailures("200").hasProcessed("100");
	}

	@Test
	void recordsAreNoLongerHandedOutWhenTheInvocationDeadlineIsNear() {
		// The first record is handed out at once and outlasts the deadline minus the margin (1.2 s
		// after the invocation starts), so the second one never is: timing slack of seconds.
		ProcessorTester tester = ProcessorTester.forDynamoDb(Item.class,
				StreamProcessors.inOrder((StreamRecord<Item> record) -> Mono.delay(Duration.ofMillis(2000))
					.doOnNext((tick) -> this.seen.add(record.sequenceNumber()))))
			.withDeadlineMargin(Duration.ofMillis(300));
		BatchResult result = tester.invoke(StandaloneDefinitions.NAME, DynamoDbEvents.forTable("Items")
			.insert(new Item("a"))
			.insert(new Item("b"))
			.insert(new Item("c"))
			.build(), Duration.ofMillis(1500));
		assertThat(result).hasBatchItemFailures("200").hasProcessed("100");
		assertThat(result.retriedItemIdentifiers()).containsExactly("200", "300");
		assertThat(this.seen).containsExactly("100");
	}

	@Test
	void anEventOfAnotherSourceFailsTheInvocationAsInLambda() {
		ProcessorTester dynamoDb = ProcessorTester.forDynamoDb(Item.class, (records) -> records.then());
		assertThatExceptionOfType(DynamoDbStreamEventException.class)
			.isThrownBy(() -> dynamoDb.invoke(SqsEvents.forQueue("Q").message("a").build()));
		ProcessorTester kinesis = ProcessorTester.forKinesis(String.class, (records) -> records.then());
		assertThatExceptionOfType(KinesisStreamEventException.class)
			.isThrownBy(() -> kinesis.invoke(LambdaEvent.of("[]".getBytes())));
	}

	@Test
	void processorsOfAnApplicationAreInvokedByName() {
		KinesisProcessorDefinition<String> first = definition("first");
		KinesisProcessorDefinition<String> second = definition("second");
		ProcessorTester tester = ProcessorTester.of(List.of(first, second));
		LambdaEvent event = KinesisEvents.forStream("S").record("k", "a").build();
		assertThat(tester.invoke("second", event)).hasNoBatchItemFailures();
		assertThat(this.seen).containsExactly("second:a");
		assertThatIllegalStateException().isThrownBy(() -> tester.invoke(event))
			.withMessageContaining("[first, second]");
		assertThatIllegalArgumentException().isThrownBy(() -> tester.invoke("third", event))
			.withMessageContaining("No processor named 'third'");
	}

	@Test
	void aDynamoDbProcessorOfATypeWithoutKeysNeedsItsApplicationContext() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProcessorTester.forDynamoDb(Map.class, (records) -> records.then()))
			.withMessageContaining("ProcessorTester.of(registry)");
	}

	@Test
	void theAssertionsSayWhatLambdaGot() {
		ProcessorTester tester = ProcessorTester.forSqs(String.class,
				(messages) -> messages.next().flatMap((SqsMessage<String> message) -> Mono
					.error(new RecordProcessingException(message, new IllegalStateException("no")))));
		BatchResult result = tester.invoke(SqsEvents.forQueue("Q").message("a").build());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(result).hasNoBatchItemFailures())
			.withMessageContaining("{\"batchItemFailures\":[{\"itemIdentifier\":\"message-1\"}]}");
	}

	private KinesisProcessorDefinition<String> definition(String name) {
		KinesisProcessorDefinition<String> template = StandaloneDefinitions.kinesis(
				ResolvableType.forClass(String.class), (Flux<KinesisRecord<String>> records) -> records
					.doOnNext((record) -> this.seen.add(name + ":" + record.payload()))
					.then());
		return new KinesisProcessorDefinition<>(name, template.binding(), template.options(), template.payloadType(),
				template.function());
	}

	record Item(@DynamoDbPartitionKey String id) {

	}

	record Click(String user) {

	}

}
