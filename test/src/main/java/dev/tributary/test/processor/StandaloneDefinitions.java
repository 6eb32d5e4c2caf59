package dev.tributary.test.processor;

import java.util.function.Function;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisRecord;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import dev.tributary.KinesisStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.SqsMessage;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.SqsQueueBinding;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueOptions;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.mapping.ImageMappers;
import dev.tributary.mapping.KeySchema;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;

/**
 * Definitions of a processor function outside an application context, as discovery would make
 * them for a bean with default settings: what a Lambda invocation needs of them is the element
 * type and the function. A DynamoDB processor sees {@code NEW_AND_OLD_IMAGES}, so that it gets
 * every image an event carries.
 *
 * @author Tributary
 */
final class StandaloneDefinitions {

	static final String NAME = "processor";

	private StandaloneDefinitions() {
	}

	static <T> StreamProcessorDefinition<T> dynamoDb(ResolvableType type,
			Function<Flux<StreamRecord<T>>, Mono<Void>> function) {
		KeySchema keys = ImageMappers.keySchemaOf(type)
			.orElseThrow(() -> new IllegalArgumentException(type + " declares no @DynamoDbPartitionKey, so there is no "
					+ "table to bind a processor of it to here; test it in its application context with "
					+ "ProcessorTester.of(registry), where the table's keys come from tributary.tables.*"));
		TableDescriptor table = new TableDescriptor(NAME, NAME, keys.partitionKey(), keys.sortKey());
		return new StreamProcessorDefinition<>(NAME,
				new DynamoDbStreamBinding(table,
						DynamoDbStreamOptions.defaults().withViewType(StreamViewType.NEW_AND_OLD_IMAGES)),
				ProcessorOptions.defaults(), type, ImageMappers.forType(type), function);
	}

	static <T> KinesisProcessorDefinition<T> kinesis(ResolvableType type,
			Function<Flux<KinesisRecord<T>>, Mono<Void>> function) {
		return new KinesisProcessorDefinition<>(NAME,
				new KinesisStreamBinding(
						new KinesisStreamDescriptor(NAME, NAME, null, KinesisStreamMode.PROVISIONED, 1),
						KinesisStreamOptions.defaults()),
				ProcessorOptions.defaults(), type, function);
	}

	static <T> SqsProcessorDefinition<T> sqs(ResolvableType type, Function<Flux<SqsMessage<T>>, Mono<Void>> function) {
		return new SqsProcessorDefinition<>(NAME,
				new SqsQueueBinding(
						new SqsQueueDescriptor(NAME, NAME, null, false, SqsQueueDescriptor.DEFAULT_VISIBILITY_TIMEOUT,
								null, SqsQueueDescriptor.DEFAULT_MAX_RECEIVE_COUNT),
						SqsQueueOptions.defaults()),
				ProcessorOptions.defaults(), type, function);
	}

}
