package dev.tributary.sqs.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.SqsProcessorDefinition;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.local.LocalProcessor;
import dev.tributary.local.runtime.LocalSource;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.sqs.SqsSourceType;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.util.Assert;

/**
 * SQS queues in the local runtime: creates the queues the processors read or send to (with their
 * dead-letter queues and redrive policies) and feeds each processor from its queue with an
 * {@link SqsQueueRuntime}. Queues have no shards, so only the shard engine's settings, metrics
 * and clock are shared.
 *
 * @author Tributary
 */
public final class SqsLocalSource implements LocalSource {

	private final SqsClient client;

	private final SqsQueueProvisioner provisioner;

	private final @Nullable MetricPublisher publisher;

	/**
	 * Create the source.
	 * @param client the SQS client
	 */
	public SqsLocalSource(SqsClient client) {
		this(client, null);
	}

	/**
	 * Create the source, reporting what the SDK measures about each SQS call of the pollers.
	 * @param client the SQS client
	 * @param publisher told about each call (its attempts and retries), or {@code null}
	 */
	public SqsLocalSource(SqsClient client, @Nullable MetricPublisher publisher) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
		this.provisioner = new SqsQueueProvisioner(client);
		this.publisher = publisher;
	}

	@Override
	public List<SqsProcessorDefinition<?>> processors(StreamProcessorRegistry registry) {
		return registry.getProcessors(SqsProcessorDefinition.class);
	}

	/**
	 * Serves processors of queues, and processors of any source that send to a queue this
	 * application declares (which it creates).
	 */
	@Override
	public boolean serves(StreamProcessorRegistry registry) {
		return !processors(registry).isEmpty() || !targets(registry).isEmpty();
	}

	@Override
	public List<LocalProcessor> provision(StreamProcessorRegistry registry, ShardEngine engine) {
		targets(registry).forEach(this.provisioner::provision);
		List<LocalProcessor> runtimes = new ArrayList<>();
		for (SqsProcessorDefinition<?> processor : processors(registry)) {
			SqsQueueProvisioner.ProvisionedQueue queue = this.provisioner.provision(processor.binding().queue());
			runtimes.add(new SqsQueueRuntime(processor, this.client, queue.url(), queue.arn(),
					SqsSourceType.invoker(processor, Duration.ZERO, engine.clock()), engine.options(),
					engine.metrics(), engine.clock(), this.publisher));
		}
		return runtimes;
	}

	/**
	 * The queues the application's processors send to that it declares (not named by ARN).
	 */
	private static List<SqsQueueDescriptor> targets(StreamProcessorRegistry registry) {
		return registry.getProcessors()
			.stream()
			.flatMap((processor) -> processor.options().sendsTo().stream())
			.filter((queue) -> !queue.isExisting())
			.distinct()
			.toList();
	}

}
