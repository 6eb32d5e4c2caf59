package dev.tributary.deploy.resource;

import java.time.Instant;
import java.util.Optional;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.ProcessorDefinition;
import dev.tributary.ProcessorOptions;
import dev.tributary.S3EventBinding;
import dev.tributary.SourceBinding;
import dev.tributary.SqsQueueBinding;
import dev.tributary.StartingPosition;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What deploy needs of a processor, whatever its source: its name and common options, which
 * kind of source it reads (a DynamoDB table's stream, a Kinesis data stream or an SQS queue)
 * and which one, where a new event source mapping on a stream starts, and a queue mapping's
 * maximum concurrency. The role, function and mapping steps are the same for every source;
 * they ask this for the source's ARN and kind.
 *
 * @param name the processor's (bean) name
 * @param options its common options
 * @param source the kind of stream it reads
 * @param streamId the id of the table ({@link Source#DYNAMODB_STREAM}), of the Kinesis
 * stream ({@link Source#KINESIS_STREAM}) or of the SQS queue ({@link Source#SQS_QUEUE}) whose
 * ARN the source's step publishes, or the name of the bucket ({@link Source#S3_BUCKET})
 * @param startingPosition where a new mapping starts reading a stream; {@code null} for a
 * queue, which has no position
 * @param startingPositionTimestamp the point in time to start from, set exactly with
 * {@link StartingPosition#AT_TIMESTAMP}
 * @param maximumConcurrency a queue mapping's {@code ScalingConfig.MaximumConcurrency}, or
 * {@code null} for Lambda's default (always {@code null} for streams)
 * @param readableObjects the ARN of the S3 objects the processor reads ({@code s3:GetObject}),
 * or {@code null} when it reads none
 * @author Tributary
 */
public record DeployedProcessor(String name, ProcessorOptions options, Source source, String streamId,
		@Nullable StartingPosition startingPosition, @Nullable Instant startingPositionTimestamp,
		@Nullable Integer maximumConcurrency, @Nullable String readableObjects) {

	public DeployedProcessor {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(source, "'source' must not be null");
		Assert.hasText(streamId, "'streamId' must not be empty");
		Assert.isTrue((startingPosition == null) == (source == Source.SQS_QUEUE || source == Source.S3_BUCKET),
				"'startingPosition' must be set exactly for a stream");
		Assert.isTrue(maximumConcurrency == null || source == Source.SQS_QUEUE,
				"'maximumConcurrency' is a queue setting");
	}

	/**
	 * What deploy needs of a processor that reads no S3 objects.
	 * @param name the processor's (bean) name
	 * @param options its common options
	 * @param source the kind of stream it reads
	 * @param streamId the id of its table, stream or queue
	 * @param startingPosition where a new mapping starts reading a stream
	 * @param startingPositionTimestamp the point in time to start from
	 * @param maximumConcurrency a queue mapping's maximum concurrency
	 */
	public DeployedProcessor(String name, ProcessorOptions options, Source source, String streamId,
			@Nullable StartingPosition startingPosition, @Nullable Instant startingPositionTimestamp,
			@Nullable Integer maximumConcurrency) {
		this(name, options, source, streamId, startingPosition, startingPositionTimestamp, maximumConcurrency, null);
	}

	/**
	 * What deploy needs of a processor, read from its source binding.
	 * @param processor the processor
	 * @return what deploy needs of it
	 */
	public static DeployedProcessor of(ProcessorDefinition<?> processor) {
		SourceBinding binding = processor.binding();
		if (binding instanceof DynamoDbStreamBinding dynamoDb) {
			return new DeployedProcessor(processor.name(), processor.options(), Source.DYNAMODB_STREAM,
					dynamoDb.table().id(), dynamoDb.options().startingPosition(), null, null);
		}
		if (binding instanceof KinesisStreamBinding kinesis) {
			return new DeployedProcessor(processor.name(), processor.options(), Source.KINESIS_STREAM,
					kinesis.stream().id(), kinesis.options().startingPosition(),
					kinesis.options().startingPositionTimestamp(), null);
		}
		if (binding instanceof SqsQueueBinding sqs) {
			return new DeployedProcessor(processor.name(), processor.options(), Source.SQS_QUEUE, sqs.queue().id(),
					null, null, sqs.options().maximumConcurrency());
		}
		if (binding instanceof S3EventBinding s3) {
			String objects = s3.readsObjects() ? s3.objectsArn() : null;
			if (s3.queue() != null) {
				// Through its notification queue, an S3 processor's function is mapped like an SQS one.
				return new DeployedProcessor(processor.name(), processor.options(), Source.SQS_QUEUE, s3.queue().id(),
						null, null, s3.queueOptions().maximumConcurrency(), objects);
			}
			// Invoked by S3 directly: no mapping; what its retries leave goes to its on-failure queue.
			ProcessorOptions options = processor.options()
				.toBuilder()
				.onFailureDestination(directFailureQueue(processor.name()))
				.build();
			return new DeployedProcessor(processor.name(), options, Source.S3_BUCKET, s3.bucket().name(), null, null,
					null, objects);
		}
		throw new IllegalStateException("Unknown source binding " + binding.describe());
	}

	/**
	 * The on-failure queue (this stage's, by name) of an S3 processor invoked directly: where
	 * Lambda sends an event its retries did not process.
	 * @param processor the processor's name
	 * @return the queue's name as the application gives it
	 */
	public static String directFailureQueue(String processor) {
		return processor + "-failed";
	}

	/**
	 * The ARN of the stream or queue the processor reads, once its step has planned or applied.
	 * @param context the run's context
	 * @return the ARN, empty while unknown (the stream is still to be created or replaced)
	 */
	public Optional<String> streamArn(DeployContext context) {
		return switch (this.source) {
			case DYNAMODB_STREAM -> context.streamArn(this.streamId);
			case KINESIS_STREAM -> context.kinesisStreamArn(this.streamId);
			case SQS_QUEUE -> context.sourceQueueArn(this.streamId);
			case S3_BUCKET -> Optional.of("arn:aws:s3:::" + this.streamId);
		};
	}

	/**
	 * Whether the processor reads a queue rather than a stream: its mapping then has no
	 * starting position and none of the stream settings (retries, record age, bisection,
	 * parallelization, on-failure destination).
	 * @return whether it reads an SQS queue
	 */
	public boolean readsQueue() {
		return this.source == Source.SQS_QUEUE;
	}

	/**
	 * Whether an event source mapping feeds the function: every source but a bucket that
	 * invokes it directly.
	 * @return whether the processor has a mapping
	 */
	public boolean isMapped() {
		return this.source != Source.S3_BUCKET;
	}

	/**
	 * The kinds of stream a deployed processor reads.
	 */
	public enum Source {

		/** A DynamoDB table's stream. */
		DYNAMODB_STREAM,

		/** A Kinesis data stream. */
		KINESIS_STREAM,

		/** An SQS queue. */
		SQS_QUEUE,

		/** A bucket whose notifications S3 sends to the function directly: no mapping. */
		S3_BUCKET

	}

}
