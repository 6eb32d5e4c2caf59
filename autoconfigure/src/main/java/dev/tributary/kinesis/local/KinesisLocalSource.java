package dev.tributary.kinesis.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.kinesis.KinesisDataRecord;
import dev.tributary.kinesis.KinesisSourceType;
import dev.tributary.local.LocalProcessor;
import dev.tributary.local.runtime.LocalSource;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.local.shard.ShardStream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import org.springframework.util.Assert;

/**
 * Kinesis Data Streams in the local runtime: creates the streams the processors read (with
 * their shard count or on demand) and feeds each processor from every shard of its stream through
 * the shared shard engine, with the starting position of its binding ({@code LATEST},
 * {@code TRIM_HORIZON} or {@code AT_TIMESTAMP}). Records aggregated by the KPL come de-aggregated.
 *
 * @author Tributary
 */
public final class KinesisLocalSource implements LocalSource {

	private final KinesisStreamProvisioner provisioner;

	private final SdkKinesisShardSource source;

	/**
	 * Create the source.
	 * @param client the Kinesis client
	 */
	public KinesisLocalSource(KinesisClient client) {
		this(client, null);
	}

	/**
	 * Create the source, reporting what the SDK measures about each read.
	 * @param client the Kinesis client
	 * @param publisher told about each read (its attempts and retries), or {@code null}
	 */
	public KinesisLocalSource(KinesisClient client, @Nullable MetricPublisher publisher) {
		Assert.notNull(client, "'client' must not be null");
		this.provisioner = new KinesisStreamProvisioner(client);
		this.source = new SdkKinesisShardSource(client, publisher);
	}

	@Override
	public List<KinesisProcessorDefinition<?>> processors(StreamProcessorRegistry registry) {
		return registry.getProcessors(KinesisProcessorDefinition.class);
	}

	@Override
	public List<LocalProcessor> provision(StreamProcessorRegistry registry, ShardEngine engine) {
		Map<String, String> arns = this.provisioner.provision(registry.getStreams());
		List<LocalProcessor> runtimes = new ArrayList<>();
		for (KinesisProcessorDefinition<?> processor : processors(registry)) {
			KinesisStreamBinding binding = (KinesisStreamBinding) processor.binding();
			String arn = arns.get(binding.stream().id());
			Assert.state(arn != null, () -> "No stream for " + binding.describe());
			ShardStream<KinesisDataRecord> stream = new ShardStream<>(binding.stream().name(), arn, this.source,
					KinesisShardRecordType.INSTANCE, binding.options().startingPosition(),
					binding.options().startingPositionTimestamp(), "");
			runtimes.add(engine.runtime(processor, stream, KinesisSourceType.invoker(processor, Duration.ZERO,
					engine.clock())));
		}
		return runtimes;
	}

}
