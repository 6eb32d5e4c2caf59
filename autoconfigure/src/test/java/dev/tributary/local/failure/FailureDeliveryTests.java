package dev.tributary.local.failure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FailureDelivery}, over a destination that fails a given number of times and a
 * waiter that records the waits instead of waiting.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureDeliveryTests {

	private final List<Duration> waits = new ArrayList<>();

	@Test
	void retriesWithBackoffUntilTheDestinationTakesTheBatch() {
		FailingDestination destination = new FailingDestination(6);
		FailureDelivery delivery = new FailureDelivery(destination, Duration.ofMillis(100), Duration.ofMillis(500));
		assertThat(delivery.deliver(FailedBatches.of(1, "c"), this::recordWait)).isTrue();
		assertThat(destination.sent).hasSize(1);
		assertThat(this.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
				Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
	}

	@Test
	void logsOneWarnPerBackoffStepWithoutAStackTraceAndOneInfoOnRecovery(CapturedOutput output) {
		FailureDelivery delivery = new FailureDelivery(new FailingDestination(10), Duration.ofMillis(100),
				Duration.ofMillis(400));
		delivery.deliver(FailedBatches.of(2, "c"), this::recordWait);
		// Steps 100, 200 and 400 ms: three WARN lines for ten failures.
		assertThat(lines(output, "WARN")).hasSize(3);
		assertThat(lines(output, "ERROR")).isEmpty();
		assertThat(output).contains("Processor 'orders' could not hand 2 failed record(s) of shard shardId-0001 "
				+ "(100 to 200) to the failing destination (attempt 1): IllegalStateException: destination down")
			.doesNotContain("\tat ")
			.contains("after 10 failed attempt(s)");
	}

	@Test
	void remindsAtTheLongestBackoffNowAndThen(CapturedOutput output) {
		int failures = FailureDelivery.REMINDER_EVERY * 2;
		FailureDelivery delivery = new FailureDelivery(new FailingDestination(failures), Duration.ofMillis(100),
				Duration.ofMillis(100));
		delivery.deliver(FailedBatches.of(1, "c"), this::recordWait);
		assertThat(lines(output, "WARN")).hasSize(3);
	}

	@Test
	void stopsRetryingWhenTheWaiterReportsAStop() {
		FailingDestination destination = new FailingDestination(Integer.MAX_VALUE);
		FailureDelivery delivery = new FailureDelivery(destination, Duration.ofMillis(100), Duration.ofMillis(100));
		AtomicInteger waited = new AtomicInteger();
		assertThat(delivery.deliver(FailedBatches.of(1, "c"), (duration) -> waited.incrementAndGet() == 3)).isFalse();
		assertThat(destination.attempts).hasValue(3);
		assertThat(destination.sent).isEmpty();
	}

	private boolean recordWait(Duration duration) {
		this.waits.add(duration);
		return false;
	}

	private static List<String> lines(CapturedOutput output, String level) {
		return output.getAll().lines().filter((line) -> line.contains(" " + level + " ")).toList();
	}

	private static final class FailingDestination implements FailureDestination {

		private final int failures;

		private final AtomicInteger attempts = new AtomicInteger();

		private final List<FailedBatch> sent = new ArrayList<>();

		FailingDestination(int failures) {
			this.failures = failures;
		}

		@Override
		public void send(FailedBatch batch) {
			if (this.attempts.incrementAndGet() <= this.failures) {
				throw new IllegalStateException("destination down");
			}
			this.sent.add(batch);
		}

		@Override
		public String toString() {
			return "the failing destination";
		}

	}

}
