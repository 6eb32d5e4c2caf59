package dev.tributary.dynamodb.local;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.dynamodb.DynamoDbSourceType;
import dev.tributary.dynamodb.local.StreamClient;
import dev.tributary.local.LocalProcessor;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.failure.FailureDestination;
import dev.tributary.local.provision.TableProvisioner;
import dev.tributary.local.runtime.LocalSource;
import dev.tributary.local.shard.ProcessorRuntime;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.local.shard.ShardStream;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.util.Assert;

/**
 * DynamoDB Streams in the local runtime: creates the processors' tables with the stream view
 * type they need, and feeds each processor from its table's stream.
 *
 * @author Tributary
 */
public final class DynamoDbLocalSource implements LocalSource {

	private final TableProvisioner provisioner;

	private final DynamoDbShardSource source;

	/**
	 * Create the source.
	 * @param provisioner creates the tables
	 * @param streams reads their streams
	 */
	public DynamoDbLocalSource(TableProvisioner provisioner, StreamClient streams) {
		Assert.notNull(provisioner, "'provisioner' must not be null");
		this.provisioner = provisioner;
		this.source = new DynamoDbShardSource(streams);
	}

	@Override
	public List<StreamProcessorDefinition<?>> processors(StreamProcessorRegistry registry) {
		return registry.getProcessors(StreamProcessorDefinition.class);
	}

	@Override
	public List<LocalProcessor> provision(StreamProcessorRegistry registry, ShardEngine engine) {
		Map<String, String> streamArns = this.provisioner.provision(registry);
		List<LocalProcessor> runtimes = new ArrayList<>();
		for (StreamProcessorDefinition<?> processor : processors(registry)) {
			String streamArn = streamArns.get(DynamoDbStreamBinding.of(processor).table().id());
			Assert.state(streamArn != null, () -> "No stream for " + processor.binding().describe());
			runtimes.add(engine.runtime(processor, stream(processor, streamArn, this.source),
					DynamoDbSourceType.invoker(processor, Duration.ZERO, engine.clock())));
		}
		return runtimes;
	}

	/**
	 * The runtime of one processor reading a stream, for tests of the shard engine with a fake
	 * {@link StreamClient}.
	 * @param processor the processor
	 * @param streamArn its table's stream
	 * @param streams the DynamoDB Streams calls
	 * @param checkpoints where positions are stored
	 * @param destination where records go when retries run out
	 * @param options runtime settings
	 * @param metrics where metrics go
	 * @param clock the clock record ages are measured with
	 * @return the runtime, not started
	 */
	public static ProcessorRuntime<Record> runtime(StreamProcessorDefinition<?> processor, String streamArn,
			StreamClient streams, CheckpointStore checkpoints, FailureDestination destination,
			LocalRuntimeOptions options, RuntimeMetrics metrics, Clock clock) {
		ShardEngine engine = new ShardEngine(checkpoints, (definition) -> destination, options, metrics, clock);
		return engine.runtime(processor, stream(processor, streamArn, new DynamoDbShardSource(streams)),
				DynamoDbSourceType.invoker(processor, Duration.ZERO, clock));
	}

	private static ShardStream<Record> stream(StreamProcessorDefinition<?> processor, String streamArn,
			DynamoDbShardSource source) {
		DynamoDbStreamBinding binding = DynamoDbStreamBinding.of(processor);
		return new ShardStream<>(binding.table().name(), streamArn, source, DynamoDbShardRecordType.INSTANCE,
				binding.options().startingPosition(), null, "view type " + binding.options().viewType());
	}

}
