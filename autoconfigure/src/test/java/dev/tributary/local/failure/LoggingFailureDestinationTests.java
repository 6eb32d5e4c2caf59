package dev.tributary.local.failure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoggingFailureDestination}.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoggingFailureDestinationTests {

	private final LoggingFailureDestination destination = new LoggingFailureDestination();

	@Test
	void logsTheProcessorShardSequenceRangeAndReason(CapturedOutput output) {
		this.destination.send(FailedBatches.of(3, "private content"));
		assertThat(output).contains("Processor 'orders' gave up on 3 record(s) of shard shardId-0001")
			.contains("sequence numbers 100 to 300")
			.contains("RETRY_ATTEMPTS_EXHAUSTED after 3 attempt(s)")
			.contains("java.lang.IllegalStateException")
			.contains("tributary.processors.orders.on-failure");
	}

	@Test
	void neverLogsKeyValuesImagesOrTheErrorMessage(CapturedOutput output) {
		this.destination.send(FailedBatches.of(3, "private content"));
		assertThat(output).contains("gave up on")
			.doesNotContain("secret-key")
			.doesNotContain("private content")
			.doesNotContain("cannot digest");
	}

	@Test
	void countsTheRecordsItSkips() {
		this.destination.send(FailedBatches.of(3, "c"));
		this.destination.send(FailedBatches.of(2, "c"));
		assertThat(this.destination.getDroppedRecords()).isEqualTo(5);
	}

}
