package dev.tributary.local.runtime;

import java.time.Clock;
import java.util.List;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import dev.tributary.KinesisStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.failure.LoggingFailureDestination;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LocalStreamRuntime}.
 */
class LocalStreamRuntimeTests {

	@Test
	void aProcessorThatNoSourceRunsStopsTheStartNamingTheDependencyToAdd() {
		KinesisProcessorDefinition<String> events = new KinesisProcessorDefinition<>("logEvents",
				new KinesisStreamBinding(new KinesisStreamDescriptor("Events", "Events", null,
						KinesisStreamMode.PROVISIONED, 1), KinesisStreamOptions.defaults()),
				ProcessorOptions.defaults(), ResolvableType.forClass(String.class), (records) -> records.then());
		LocalStreamRuntime runtime = new LocalStreamRuntime(new DefaultStreamProcessorRegistry(List.of(events)),
				List.of(), new ShardEngine(new InMemoryCheckpointStore(), (processor) -> new LoggingFailureDestination(),
						LocalRuntimeOptions.builder().build(), RuntimeMetrics.NONE, Clock.systemUTC()));
		assertThatIllegalStateException().isThrownBy(runtime::start)
			.withMessageContaining("Processor 'logEvents' reads")
			.withMessageContaining("add the dependency software.amazon.awssdk:kinesis");
	}

}
