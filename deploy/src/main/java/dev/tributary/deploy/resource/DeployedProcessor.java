package dev.tributary.deploy.resource;

import java.time.Instant;
import java.util.Optional;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.ProcessorDefinition;
import dev.tributary.ProcessorOptions;
import dev.tributary.SourceBinding;
import dev.tributary.StartingPosition;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What deploy needs of a processor, whatever its source: its name and common options, which
 * kind of stream it reads (a DynamoDB table's stream or a Kinesis data stream) and which one,
 * and where a new event source mapping starts. The role, function and mapping steps are the
 * same for every source; they ask this for the stream ARN and the kind.
 *
 * @param name the processor's (bean) name
 * @param options its common options
 * @param source the kind of stream it reads
 * @param streamId the id of the table ({@link Source#DYNAMODB_STREAM}) or of the Kinesis
 * stream ({@link Source#KINESIS_STREAM}) whose ARN the stream's step publishes
 * @param startingPosition where a new mapping starts reading
 * @param startingPositionTimestamp the point in time to start from, set exactly with
 * {@link StartingPosition#AT_TIMESTAMP}
 * @author Tributary
 */
public record DeployedProcessor(String name, ProcessorOptions options, Source source, String streamId,
		StartingPosition startingPosition, @Nullable Instant startingPositionTimestamp) {

	public DeployedProcessor {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(source, "'source' must not be null");
		Assert.hasText(streamId, "'streamId' must not be empty");
		Assert.notNull(startingPosition, "'startingPosition' must not be null");
	}

	/**
	 * What deploy needs of a processor, read from its source binding.
	 * @param processor the processor
	 * @return what deploy needs of it
	 * @throws IllegalArgumentException for a source deploy does not provision
	 */
	public static DeployedProcessor of(ProcessorDefinition<?> processor) {
		SourceBinding binding = processor.binding();
		if (binding instanceof DynamoDbStreamBinding dynamoDb) {
			return new DeployedProcessor(processor.name(), processor.options(), Source.DYNAMODB_STREAM,
					dynamoDb.table().id(), dynamoDb.options().startingPosition(), null);
		}
		if (binding instanceof KinesisStreamBinding kinesis) {
			return new DeployedProcessor(processor.name(), processor.options(), Source.KINESIS_STREAM,
					kinesis.stream().id(), kinesis.options().startingPosition(),
					kinesis.options().startingPositionTimestamp());
		}
		throw new IllegalArgumentException("Deploy does not provision processor '" + processor.name() + "' of "
				+ binding.describe());
	}

	/**
	 * The ARN of the stream the processor reads, once the stream's step has planned or applied.
	 * @param context the run's context
	 * @return the ARN, empty while unknown (the stream is still to be created or replaced)
	 */
	public Optional<String> streamArn(DeployContext context) {
		return switch (this.source) {
			case DYNAMODB_STREAM -> context.streamArn(this.streamId);
			case KINESIS_STREAM -> context.kinesisStreamArn(this.streamId);
		};
	}

	/**
	 * The kinds of stream a deployed processor reads.
	 */
	public enum Source {

		/** A DynamoDB table's stream. */
		DYNAMODB_STREAM,

		/** A Kinesis data stream. */
		KINESIS_STREAM

	}

}
