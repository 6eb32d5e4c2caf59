package dev.tributary.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tributary.EventName;
import dev.tributary.RecordProcessingException;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.dynamodb.DynamoDbEventCodecReadTests;
import dev.tributary.lambda.LambdaTestApplication.Item;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the real {@link FunctionInvoker}, as Lambda does, with a processor bean named
 * {@code items} and {@code spring.cloud.function.definition=items}.
 */
class FunctionInvokerIntegrationTests {

	private static final String[] SEQUENCE_NUMBERS = { "100000000000000000001", "100000000000000000002",
			"100000000000000000003" };

	private static final String SUCCESS = "{\"batchItemFailures\":[]}";

	private static FunctionInvoker invoker;

	@BeforeAll
	static void startFunctionInvoker() {
		System.setProperty("MAIN_CLASS", LambdaTestApplication.class.getName());
		System.setProperty("spring.cloud.function.definition", LambdaHandlers.functionDefinitionFor("items"));
		try {
			invoker = new FunctionInvoker();
		}
		finally {
			System.clearProperty("MAIN_CLASS");
			System.clearProperty("spring.cloud.function.definition");
		}
	}

	@AfterAll
	static void forgetFunctionInvoker() {
		invoker = null;
	}

	@BeforeEach
	void resetProcessor() {
		LambdaTestApplication.reset();
	}

	@Test
	void handsEachRecordTypedToTheProcessorAndReportsSuccess() throws IOException {
		assertThat(invoke("insert-modify-remove.json")).isEqualTo(SUCCESS);
		List<StreamRecord<Item>> received = LambdaTestApplication.received;
		assertThat(received).extracting(StreamRecord::eventName)
			.containsExactly(EventName.INSERT, EventName.MODIFY, EventName.REMOVE);
		assertThat(received).extracting(StreamRecord::sequenceNumber).containsExactly(SEQUENCE_NUMBERS);
		StreamRecord<Item> insert = received.get(0);
		assertThat(insert.keys()).isEqualTo(Map.of("id", AttributeValue.fromS("one")));
		assertThat(insert.newImage()).contains(new Item("one", "first"));
		assertThat(insert.oldImage()).isEmpty();
		assertThat(insert.approximateCreationTime()).contains(Instant.ofEpochSecond(1700000000L, 500_000_000L));
		assertThat(insert.eventSourceArn()).isEqualTo(DynamoDbEventCodecReadTests.ARN);
		assertThat(insert.awsRegion()).isEqualTo("us-east-1");
		assertThat(insert.isTtlExpiry()).isFalse();
		assertThat(received.get(1).oldImage()).contains(new Item("one", "first"));
		assertThat(received.get(1).newImage()).contains(new Item("one", "updated"));
		assertThat(received.get(2).newImage()).isEmpty();
		assertThat(received.get(2).oldImage()).contains(new Item("one", "updated"));
	}

	@Test
	void marksTimeToLiveDeletes() throws IOException {
		assertThat(invoke("ttl-remove.json")).isEqualTo(SUCCESS);
		assertThat(LambdaTestApplication.received).singleElement().satisfies((record) -> {
			assertThat(record.eventName()).isEqualTo(EventName.REMOVE);
			assertThat(record.isTtlExpiry()).isTrue();
			assertThat(record.oldImage()).contains(new Item("expired", "old"));
		});
	}

	@Test
	void handsEveryAttributeTypeToTheProcessor() throws IOException {
		assertThat(invoke("all-attribute-types.json")).isEqualTo(SUCCESS);
		StreamRecord<Item> record = LambdaTestApplication.received.get(0);
		assertThat(record.newImage()).contains(new Item("all", null));
		assertThat(record.newImageAttributes()).containsOnlyKeys("id", "s", "n", "b", "ss", "ns", "bs", "m", "l",
				"nul", "bool");
		assertThat(record.newImageAttributes().get("m").m().get("deeper").m())
			.isEqualTo(Map.of("flag", AttributeValue.fromBool(false)));
	}

	@Test
	void givesAProcessorOnlyWhatTheStreamCarries() throws IOException {
		assertThat(invoke("keys-only.json")).isEqualTo(SUCCESS);
		assertThat(invoke("new-image.json")).isEqualTo(SUCCESS);
		assertThat(invoke("old-image.json")).isEqualTo(SUCCESS);
		List<StreamRecord<Item>> received = LambdaTestApplication.received;
		assertThat(received).hasSize(3);
		assertThat(received.get(0).newImage()).isEmpty();
		assertThat(received.get(0).oldImage()).isEmpty();
		assertThat(received.get(1).newImage()).contains(new Item("one", "new"));
		assertThat(received.get(1).oldImage()).isEmpty();
		assertThat(received.get(2).newImage()).isEmpty();
		assertThat(received.get(2).oldImage()).contains(new Item("one", "old"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2 })
	void reportsTheRecordForEachFailedAt(int failing) throws IOException {
		LambdaTestApplication.behaviour.set(StreamProcessors.forEach((record) -> {
			if (record.sequenceNumber().equals(SEQUENCE_NUMBERS[failing])) {
				throw new IllegalStateException("Cannot process " + record.sequenceNumber());
			}
			LambdaTestApplication.received.add(record);
		}));
		assertThat(invoke("insert-modify-remove.json")).isEqualTo(failureOf(SEQUENCE_NUMBERS[failing]));
		assertThat(LambdaTestApplication.received).extracting(StreamRecord::sequenceNumber)
			.containsExactly(List.of(SEQUENCE_NUMBERS).subList(0, failing).toArray(String[]::new));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2 })
	void reportsTheRecordOfARecordProcessingException(int failing) throws IOException {
		LambdaTestApplication.behaviour.set((records) -> records.collectList()
			.flatMap((batch) -> Mono.error(new RecordProcessingException(batch.get(failing), null))));
		assertThat(invoke("insert-modify-remove.json")).isEqualTo(failureOf(SEQUENCE_NUMBERS[failing]));
	}

	@Test
	void reportsTheFirstRecordForAnyOtherException() throws IOException {
		LambdaTestApplication.behaviour.set((records) -> records.then(Mono.error(new IllegalStateException("boom"))));
		assertThat(invoke("insert-modify-remove.json")).isEqualTo(failureOf(SEQUENCE_NUMBERS[0]));
	}

	@Test
	void reportsARecordWhoseImageCannotBeMapped() throws IOException {
		assertThat(invoke("unmappable-middle.json")).isEqualTo(failureOf("300000000000000000002"));
		assertThat(LambdaTestApplication.received).extracting(StreamRecord::sequenceNumber)
			.containsExactly("300000000000000000001");
	}

	@Test
	void reportsTheRecordsNotHandedOutBeforeTheDeadline() throws IOException {
		// Less time left than the default margin of one second: no record may start.
		assertThat(invoke("insert-modify-remove.json", new TestLambdaContext(200)))
			.isEqualTo(failureOf(SEQUENCE_NUMBERS[0]));
		assertThat(LambdaTestApplication.received).isEmpty();
	}

	@Test
	void processesTheWholeBatchWhenTimeIsAmple() throws IOException {
		assertThat(invoke("insert-modify-remove.json", new TestLambdaContext(60_000))).isEqualTo(SUCCESS);
		assertThat(LambdaTestApplication.received).hasSize(3);
	}

	private static String failureOf(String sequenceNumber) {
		return "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + sequenceNumber + "\"}]}";
	}

	private static String invoke(String event) throws IOException {
		return invoke(event, null);
	}

	private static String invoke(String event, Context context) throws IOException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (InputStream input = new ClassPathResource("events/" + event).getInputStream()) {
			invoker.handleRequest(input, output, context);
		}
		return output.toString(StandardCharsets.UTF_8);
	}

}
