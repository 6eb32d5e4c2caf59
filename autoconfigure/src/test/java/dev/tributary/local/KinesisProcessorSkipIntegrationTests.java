package dev.tributary.local;

import java.time.Duration;
import java.util.List;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import dev.tributary.KinesisStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local runtime, against moto_server, with a Kinesis processor beside a DynamoDB one:
 * Kinesis processors run only in Lambda for now, so the runtime skips them with one line and
 * runs the rest as before.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
class KinesisProcessorSkipIntegrationTests {

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	@Test
	void aKinesisProcessorIsSkippedWithOneLineAndTheOthersRun(CapturedOutput output) {
		TableDescriptor table = this.fixture.newTable("skip");
		this.fixture.createTable(table, StreamViewType.NEW_AND_OLD_IMAGES);
		this.fixture.putMany(table, "s", 0, 3);
		List<String> seen = LocalRuntimeFixture.synchronizedList();
		KinesisProcessorDefinition<String> clicks = new KinesisProcessorDefinition<>("clicks",
				new KinesisStreamBinding(
						new KinesisStreamDescriptor("clicks-stream", "clicks-stream", null, KinesisStreamMode.PROVISIONED, 1),
						KinesisStreamOptions.defaults()), ProcessorOptions.defaults(),
				ResolvableType.forClass(String.class), (records) -> records.then());
		this.fixture.start(new InMemoryCheckpointStore(), List.of(clicks),
				LocalRuntimeFixture.processor("items", table,
						new DynamoDbStreamOptions(StreamViewType.NEW_AND_OLD_IMAGES, StartingPosition.TRIM_HORIZON),
						ProcessorOptions.defaults(),
						(records) -> records.doOnNext((record) -> seen.add(LocalRuntimeFixture.id(record))).then()));
		await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= 3);
		assertThat(seen).containsExactly("s-0", "s-1", "s-2");
		assertThat(output.getAll().lines().filter((line) -> line.contains("clicks")))
			.singleElement()
			.asString()
			.contains("Tributary local runtime skips Kinesis processor(s) [clicks]: Kinesis processors run only in Lambda for now");
		assertThat(output.getAll()).contains("Tributary local runtime started 1 processor(s)");
	}

}
