package dev.tributary.local.shard;

import java.time.Clock;
import java.time.Duration;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamViewType;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.failure.LoggingFailureDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The line each processor logs when it starts reading names what it reads with.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProcessorStartupLineTests {

	@RegisterExtension
	final FakeStreamFixture stream = new FakeStreamFixture();

	@Test
	void theStartupLineShowsTheViewTypeStartingPositionAndBatchSize(CapturedOutput output) {
		this.stream.client.shard("open", null, false, "o-1");
		this.stream.start("fake",
				new DynamoDbStreamOptions(StreamViewType.NEW_AND_OLD_IMAGES, StartingPosition.TRIM_HORIZON),
				ProcessorOptions.builder()
					.batchSize(10)
					.build(),
				StreamProcessors.forEach((record) -> {
				}), new LoggingFailureDestination(), RuntimeMetrics.NONE, Clock.systemUTC());
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("Processor 'fake' reads"));
		assertThat(output.getOut()).contains(
				"Processor 'fake' reads " + FakeStreamFixture.STREAM + " (view type NEW_AND_OLD_IMAGES, TRIM_HORIZON on first start, batch size 10");
	}

}
