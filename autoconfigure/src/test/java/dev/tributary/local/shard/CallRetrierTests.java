package dev.tributary.local.shard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.tributary.local.CallProblem;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.ShardState;
import dev.tributary.local.metrics.MicrometerRuntimeMetrics;
import dev.tributary.test.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Backoff, states, meters and log lines of failing AWS calls, with scripted failures and
 * millisecond waits.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallRetrierTests {

	private static final LocalRuntimeOptions OPTIONS = LocalRuntimeOptions.builder()
		.initialErrorBackoff(Duration.ofMillis(1))
		.maxErrorBackoff(Duration.ofMillis(4))
		.initialThrottleBackoff(Duration.ofMillis(1))
		.maxThrottleBackoff(Duration.ofMillis(4))
		.build();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final StopSignal stop = new StopSignal();

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger failuresSeen = new AtomicInteger();

	private final CallRetrier retrier = new CallRetrier("orders", "Processor 'orders', shard s-1", OPTIONS,
			new MicrometerRuntimeMetrics(this.registry), this.stop, this.clock, this.failuresSeen::incrementAndGet,
			() -> false);

	@Test
	void triesAFailingCallAgainUntilItWorksAndCountsEachFailureAndRetry() {
		String result = this.retrier.call("GetRecords", failing(serverError(), dropped(), serverError()));
		assertThat(result).isEqualTo("ok");
		assertThat(this.registry.get("tributary.aws.errors")
			.tags("processor", "orders", "operation", "GetRecords", "error", "InternalServerError")
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.registry.get("tributary.aws.errors").tags("error", "SdkClientException").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get("tributary.aws.retries").tags("operation", "GetRecords").counter().count())
			.isEqualTo(3);
		assertThat(this.failuresSeen).hasValue(3);
		assertThat(this.retrier.problem()).isNull();
		assertThat(this.retrier.failingState()).isNull();
	}

	@Test
	void isBackingOffAtFirstAndUnavailableAfterThreeFailuresInARow() {
		List<@Nullable ShardState> states = new ArrayList<>();
		List<@Nullable CallProblem> problems = new ArrayList<>();
		Supplier<String> call = failing(serverError(), serverError(), dropped(), serverError());
		this.retrier.call("GetRecords", () -> {
			states.add(this.retrier.failingState());
			problems.add(this.retrier.problem());
			this.clock.advance(Duration.ofSeconds(1));
			return call.get();
		});
		assertThat(states).containsExactly(null, ShardState.BACKING_OFF, ShardState.BACKING_OFF,
				ShardState.UNAVAILABLE, ShardState.UNAVAILABLE);
		CallProblem last = problems.get(4);
		assertThat(last.operation()).isEqualTo("GetRecords");
		assertThat(last.errorType()).isEqualTo("InternalServerError");
		assertThat(last.failedAttempts()).isEqualTo(4);
		assertThat(last.since()).isEqualTo(problems.get(1).since());
		assertThat(last.unavailable()).isTrue();
	}

	@Test
	void throttlingAloneNeverMakesTheReaderUnavailable() {
		List<@Nullable ShardState> states = new ArrayList<>();
		Supplier<String> call = failing(throttled(), throttled(), throttled(), throttled());
		this.retrier.call("GetRecords", () -> {
			states.add(this.retrier.failingState());
			return call.get();
		});
		assertThat(states).containsExactly(null, ShardState.THROTTLED, ShardState.THROTTLED, ShardState.THROTTLED,
				ShardState.THROTTLED);
	}

	@Test
	void logsOneWarningWhenAStreakStartsOneWhenItBecomesUnavailableAndOneInfoWhenItRecovers(CapturedOutput output) {
		this.retrier.call("GetRecords", failing(serverError(), serverError(), serverError(), serverError(),
				serverError(), serverError(), serverError(), serverError()));
		String log = output.getOut() + output.getErr();
		assertThat(occurrences(log, "WARN")).isEqualTo(2);
		assertThat(log).contains("Processor 'orders', shard s-1: GetRecords failed (InternalServerError: injected")
			.contains("failed 3 times in a row")
			.contains("GetRecords works again after 8 failed attempt(s)")
			.doesNotContain("\tat ");
		assertThat(occurrences(log, "works again")).isEqualTo(1);
	}

	@Test
	void reportsAResourceThatIsGoneOnceWithWhatToDo(CapturedOutput output) {
		this.retrier.call("WriteCheckpoint", failing(gone(), gone(), gone()));
		String log = output.getOut() + output.getErr();
		assertThat(occurrences(log, "WARN")).isEqualTo(1);
		assertThat(log).contains("WriteCheckpoint failed because the resource is gone (ResourceNotFoundException")
			.contains("restarting the application provisions them");
	}

	@Test
	void passesTheErrorsTheCallerHandlesThroughAtOnceAndCountsThem() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(ExpiredIteratorException.class)
			.isThrownBy(() -> this.retrier.call("GetRecords", (ex) -> ex instanceof ExpiredIteratorException, () -> {
				attempts.incrementAndGet();
				throw ExpiredIteratorException.builder().message("expired").build();
			}));
		assertThat(attempts).hasValue(1);
		assertThat(this.registry.get("tributary.aws.errors").tags("error", "ExpiredIteratorException").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.find("tributary.aws.retries").counters()).isEmpty();
	}

	@Test
	void stopsTryingWhenTheRuntimeStopsAndThrowsTheLastFailure() {
		RuntimeException failure = serverError();
		assertThatExceptionOfType(DynamoDbException.class).isThrownBy(() -> this.retrier.call("GetRecords", () -> {
			this.stop.stop();
			throw failure;
		})).isSameAs(failure);
	}

	@Test
	void abandonsInFlightWorkWhenTheRuntimeAbandonsIt() {
		assertThatExceptionOfType(AbandonedException.class).isThrownBy(() -> this.retrier.call("WriteCheckpoint", () -> {
			this.stop.abandon();
			throw serverError();
		}));
	}

	@Test
	void backoffDoublesUpToItsMaximumWithJitterBetweenHalfAndTheFullDelay() {
		Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(800), true);
		long[][] bounds = { { 50, 100 }, { 100, 200 }, { 200, 400 }, { 400, 800 }, { 400, 800 } };
		for (long[] bound : bounds) {
			assertThat(backoff.next().toMillis()).isBetween(bound[0], bound[1]);
		}
		backoff.reset();
		assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
	}

	private static Supplier<String> failing(RuntimeException... failures) {
		AtomicInteger calls = new AtomicInteger();
		return () -> {
			int call = calls.getAndIncrement();
			if (call < failures.length) {
				throw failures[call];
			}
			return "ok";
		};
	}

	private static RuntimeException serverError() {
		return DynamoDbException.builder()
			.statusCode(500)
			.message("injected")
			.awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").errorMessage("injected").build())
			.build();
	}

	private static RuntimeException dropped() {
		return SdkClientException.create("Unable to execute HTTP request: Unexpected end of file from server");
	}

	private static RuntimeException throttled() {
		return ProvisionedThroughputExceededException.builder().message("slow down").build();
	}

	private static RuntimeException gone() {
		return ResourceNotFoundException.builder().message("Requested resource not found").build();
	}

	private static int occurrences(String text, String word) {
		int count = 0;
		int index = text.indexOf(word);
		while (index >= 0) {
			count++;
			index = text.indexOf(word, index + word.length());
		}
		return count;
	}

}
