package dev.tributary.lambda;

import java.util.ArrayList;
import java.util.List;

import dev.tributary.StreamRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Seeded mutations of a valid ten-record event ({@code events/mutation-base.json}) fed through
 * the real {@link FunctionInvoker}. For each invocation, either it throws a
 * {@link DynamoDbStreamEventException} having processed nothing, or its response is valid JSON
 * and every record before the reported one (all records, on success) was processed exactly once,
 * in order.
 */
class EventMutationIntegrationTests {

	private static final long SEED = 20261202L;

	private static final int EVENTS = 300;

	private static final JsonMapper mapper = JsonMapper.shared();

	private static LambdaInvocations lambda;

	@BeforeAll
	static void startFunctionInvoker() {
		lambda = LambdaInvocations.start();
	}

	@Test
	void everyRecordBeforeTheReportedOneIsProcessedExactlyOnceOrTheInvocationFails() {
		EventMutator mutator = new EventMutator(LambdaInvocations.resource("events/mutation-base.json"), SEED);
		int failed = 0;
		int reported = 0;
		int succeeded = 0;
		for (int i = 0; i < EVENTS; i++) {
			byte[] event = mutator.next();
			LambdaTestApplication.reset();
			String description = "mutated event " + i + " of seed " + SEED;
			String[] response = new String[1];
			Throwable failure = catchThrowable(() -> response[0] = lambda.invoke(event));
			if (failure != null) {
				assertThat(failure).as(description).isInstanceOf(DynamoDbStreamEventException.class);
				assertThat(failure.getMessage()).as(description).doesNotContain("SECRET-VALUE");
				assertThat(LambdaTestApplication.received).as(description).isEmpty();
				failed++;
				continue;
			}
			JsonNode failures = mapper.readTree(response[0]).get("batchItemFailures");
			assertThat(failures.isArray()).as(description).isTrue();
			assertThat(failures.size()).as(description).isLessThanOrEqualTo(1);
			List<String> sequenceNumbers = sequenceNumbersOf(event);
			List<String> received = LambdaTestApplication.received.stream().map(StreamRecord::sequenceNumber).toList();
			if (failures.isEmpty()) {
				assertThat(sequenceNumbers).as(description).doesNotContainNull();
				assertThat(received).as(description).isEqualTo(sequenceNumbers);
				succeeded++;
			}
			else {
				String identifier = failures.get(0).get("itemIdentifier").asString();
				int index = sequenceNumbers.indexOf(identifier);
				assertThat(index).as(description + ": reported " + identifier + " is in the event").isNotNegative();
				assertThat(received).as(description).isEqualTo(sequenceNumbers.subList(0, index));
				reported++;
			}
		}
		// The mutations reach every outcome, so the invariant was checked on each.
		assertThat(failed).isGreaterThan(EVENTS / 10);
		assertThat(reported).isGreaterThan(EVENTS / 10);
		assertThat(succeeded).isGreaterThan(EVENTS / 20);
	}

	// The sequence number of each element of Records, or null where it has none. The event was
	// accepted, so it is JSON; a mapper that refused it would fail the test.
	private static List<String> sequenceNumbersOf(byte[] event) {
		JsonNode records;
		try {
			records = mapper.readTree(event).get("Records");
		}
		catch (JacksonException ex) {
			throw new AssertionError("The function accepted an event that is not JSON", ex);
		}
		List<String> sequenceNumbers = new ArrayList<>();
		for (JsonNode record : records) {
			JsonNode sequenceNumber = record.path("dynamodb").path("SequenceNumber");
			sequenceNumbers.add(sequenceNumber.isString() ? sequenceNumber.asString() : null);
		}
		return sequenceNumbers;
	}

}
