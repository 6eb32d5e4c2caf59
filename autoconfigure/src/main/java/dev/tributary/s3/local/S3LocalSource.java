package dev.tributary.s3.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.S3Delivery;
import dev.tributary.S3EventBinding;
import dev.tributary.S3ProcessorDefinition;
import dev.tributary.SqsQueueBinding;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.local.LocalProcessor;
import dev.tributary.local.runtime.LocalSource;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.s3.S3EventCodec;
import dev.tributary.s3.S3SourceType;
import dev.tributary.sqs.local.SqsQueueProvisioner;
import dev.tributary.sqs.local.SqsQueueRuntime;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.util.Assert;

/**
 * S3 event notifications in the local runtime: creates each processor's bucket (unless named by
 * ARN), its notification queue with a dead-letter queue, and its entry in the bucket's
 * notification configuration (keeping every other entry), then reads the queue with an
 * {@link SqsQueueRuntime}. A processor S3 would invoke directly is fed the same way here, one
 * record per batch, its message retried twice before the dead-letter queue as Lambda retries an
 * asynchronous invocation.
 *
 * @author Tributary
 */
public final class S3LocalSource implements LocalSource {

	/** Receives of a directly delivered event: the first invocation and Lambda's two retries. */
	private static final int DIRECT_RECEIVES = 3;

	private final SqsClient sqs;

	private final SqsQueueProvisioner queues;

	private final BucketNotifications notifications;

	private final S3EventCodec codec = new S3EventCodec();

	private final @Nullable MetricPublisher publisher;

	/**
	 * Create the source.
	 * @param s3 the S3 client
	 * @param sqs the SQS client
	 * @param publisher told about each SQS call of the pollers, or {@code null}
	 */
	public S3LocalSource(S3Client s3, SqsClient sqs, @Nullable MetricPublisher publisher) {
		Assert.notNull(s3, "'s3' must not be null");
		Assert.notNull(sqs, "'sqs' must not be null");
		this.sqs = sqs;
		this.queues = new SqsQueueProvisioner(sqs);
		this.notifications = new BucketNotifications(s3);
		this.publisher = publisher;
	}

	@Override
	public List<S3ProcessorDefinition> processors(StreamProcessorRegistry registry) {
		return registry.getProcessors(S3ProcessorDefinition.class);
	}

	@Override
	public List<LocalProcessor> provision(StreamProcessorRegistry registry, ShardEngine engine) {
		List<LocalProcessor> runtimes = new ArrayList<>();
		for (S3ProcessorDefinition processor : processors(registry)) {
			S3EventBinding binding = processor.binding();
			this.notifications.provisionBucket(binding.bucket());
			SqsQueueDescriptor queue = (binding.delivery() == S3Delivery.SQS) ? binding.queue()
					: S3EventBinding.notificationQueue(binding.bucket(), processor.name(), DIRECT_RECEIVES);
			SqsQueueProvisioner.ProvisionedQueue provisioned = this.queues.provision(queue);
			this.notifications.notify(binding, processor.name(), provisioned.arn());
			SqsQueueRuntime.QueueReader reader = new SqsQueueRuntime.QueueReader(processor.name(),
					new SqsQueueBinding(queue, binding.queueOptions()),
					(binding.delivery() == S3Delivery.SQS) ? processor.options()
							: processor.options().toBuilder().batchSize(1).maxBatchingWindow(Duration.ZERO).build());
			runtimes.add(new SqsQueueRuntime(reader, this.sqs, provisioned.url(), provisioned.arn(),
					S3SourceType.invoker(processor, this.codec, Duration.ZERO, engine.clock()), engine.options(),
					engine.metrics(), engine.clock(), this.publisher));
		}
		return runtimes;
	}

}
