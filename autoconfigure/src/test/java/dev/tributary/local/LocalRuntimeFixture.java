package dev.tributary.local;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ImageMapper;
import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorDefinition;
import dev.tributary.ProcessorOptions;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamRecord;
import dev.tributary.TableDescriptor;
import dev.tributary.dynamodb.local.DynamoDbLocalSource;
import dev.tributary.dynamodb.local.SdkStreamClient;
import dev.tributary.kinesis.local.KinesisLocalSource;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.failure.LoggingFailureDestination;
import dev.tributary.local.failure.SqsFailureDestination;
import dev.tributary.local.provision.TableProvisioner;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.s3.local.S3LocalSource;
import dev.tributary.sqs.local.SqsLocalSource;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import org.springframework.core.ResolvableType;

/**
 * Builds local runtimes against the shared emulator for integration tests: a table and queue
 * of their own per test, processors over raw images, and fast polling and backoff. Register
 * it with {@code @RegisterExtension}: it stops its runtimes and closes its clients after each
 * test. The runtime's unit tests reuse its static helpers over a fake stream.
 */
public final class LocalRuntimeFixture implements AfterEachCallback {

	static final LocalRuntimeOptions FAST = LocalRuntimeOptions.builder()
		.pollInterval(Duration.ofMillis(20))
		.maxIdlePollInterval(Duration.ofMillis(100))
		.initialRetryBackoff(Duration.ofMillis(10))
		.maxRetryBackoff(Duration.ofMillis(40))
		.shardDiscoveryInterval(Duration.ofMillis(200))
		.shutdownTimeout(Duration.ofSeconds(5))
		.build();

	/** {@link #FAST}, with backoffs short enough for fault injection to run in seconds. */
	static final LocalRuntimeOptions UNDER_FAULTS = FAST.toBuilder()
		.initialErrorBackoff(Duration.ofMillis(50))
		.maxErrorBackoff(Duration.ofSeconds(1))
		.initialThrottleBackoff(Duration.ofMillis(20))
		.maxThrottleBackoff(Duration.ofMillis(200))
		.build();

	static final ImageMapper<Map<String, AttributeValue>> RAW = (image) -> image;

	final DynamoDbClient dynamoDb = AwsTestClients.dynamoDb();

	final DynamoDbStreamsClient streams = AwsTestClients.dynamoDbStreams();

	final SqsClient sqs = AwsTestClients.sqs();

	final KinesisClient kinesis = AwsTestClients.kinesis();

	final S3Client s3 = AwsTestClients.s3();

	final LoggingFailureDestination logged = new LoggingFailureDestination();

	private final List<LocalStreamRuntime> runtimes = new ArrayList<>();

	TableDescriptor newTable(String prefix) {
		String name = MotoServerExtension.uniqueName(prefix);
		return new TableDescriptor(name, name, new KeyAttribute("id", KeyAttribute.ScalarType.S), null);
	}

	/**
	 * A processor over raw images, with the default DynamoDB stream options.
	 * @param name its name
	 * @param table the table it reads
	 * @param options its options
	 * @param function its function
	 * @return the processor
	 */
	public static StreamProcessorDefinition<Map<String, AttributeValue>> processor(String name, TableDescriptor table,
			ProcessorOptions options, Function<Flux<StreamRecord<Map<String, AttributeValue>>>, Mono<Void>> function) {
		return processor(name, table, DynamoDbStreamOptions.defaults(), options, function);
	}

	/**
	 * A processor over raw images.
	 * @param name its name
	 * @param table the table it reads
	 * @param stream its DynamoDB stream options
	 * @param options its options
	 * @param function its function
	 * @return the processor
	 */
	public static StreamProcessorDefinition<Map<String, AttributeValue>> processor(String name, TableDescriptor table,
			DynamoDbStreamOptions stream, ProcessorOptions options,
			Function<Flux<StreamRecord<Map<String, AttributeValue>>>, Mono<Void>> function) {
		return new StreamProcessorDefinition<>(name, new DynamoDbStreamBinding(table, stream), options,
				ResolvableType.forClassWithGenerics(Map.class, String.class, AttributeValue.class), RAW, function);
	}

	LocalStreamRuntime start(CheckpointStore checkpoints, StreamProcessorDefinition<?>... processors) {
		return start(checkpoints, FAST, processors);
	}

	LocalStreamRuntime start(CheckpointStore checkpoints, LocalRuntimeOptions options,
			StreamProcessorDefinition<?>... processors) {
		return start(checkpoints, defaultDestinations(), options, processors);
	}

	LocalStreamRuntime start(CheckpointStore checkpoints, FailureDestinationResolver destinations,
			StreamProcessorDefinition<?>... processors) {
		return start(checkpoints, destinations, FAST, processors);
	}

	LocalStreamRuntime start(CheckpointStore checkpoints, FailureDestinationResolver destinations,
			List<? extends ProcessorDefinition<?>> otherProcessors) {
		return start(checkpoints, destinations, FAST, otherProcessors);
	}

	private FailureDestinationResolver defaultDestinations() {
		return (processor) -> processor.options()
			.onFailureDestination()
			.<dev.tributary.local.failure.FailureDestination>map((queue) -> new SqsFailureDestination(this.sqs, queue))
			.orElse(this.logged);
	}

	LocalStreamRuntime start(CheckpointStore checkpoints, FailureDestinationResolver destinations,
			LocalRuntimeOptions options, StreamProcessorDefinition<?>... processors) {
		return start(checkpoints, destinations, options, List.of(), processors);
	}

	LocalStreamRuntime start(CheckpointStore checkpoints, List<? extends ProcessorDefinition<?>> otherProcessors,
			StreamProcessorDefinition<?>... processors) {
		return start(checkpoints, defaultDestinations(), FAST, otherProcessors, processors);
	}

	LocalStreamRuntime start(CheckpointStore checkpoints, FailureDestinationResolver destinations,
			LocalRuntimeOptions options, List<? extends ProcessorDefinition<?>> otherProcessors,
			StreamProcessorDefinition<?>... processors) {
		LocalStreamRuntime runtime = new LocalStreamRuntime(
				new DefaultStreamProcessorRegistry(Stream.concat(Stream.of(processors), otherProcessors.stream()).toList()),
				List.of(new DynamoDbLocalSource(new TableProvisioner(this.dynamoDb), new SdkStreamClient(this.streams)),
						new KinesisLocalSource(this.kinesis), new SqsLocalSource(this.sqs),
						new S3LocalSource(this.s3, this.sqs, null)),
				new ShardEngine(checkpoints, destinations, options, RuntimeMetrics.NONE, Clock.systemUTC()));
		this.runtimes.add(runtime);
		runtime.start();
		return runtime;
	}

	/** Provision the table (with its stream) before any runtime reads it. */
	/**
	 * The key the runtime keeps a processor's checkpoints and leases in a table's stream under.
	 * @param processor the processor's name
	 * @param table the table
	 * @return the key
	 */
	String checkpointKey(String processor, TableDescriptor table) {
		String streamArn = this.dynamoDb.describeTable((request) -> request.tableName(table.name()))
			.table()
			.latestStreamArn();
		return dev.tributary.local.checkpoint.StreamScopedCheckpointStore.key(processor, streamArn);
	}

	void createTable(TableDescriptor table, dev.tributary.StreamViewType viewType) {
		new TableProvisioner(this.dynamoDb).provision(table, viewType);
	}

	void put(TableDescriptor table, String id, String content) {
		this.dynamoDb.putItem((request) -> request.tableName(table.name())
			.item(Map.of("id", AttributeValue.fromS(id), "content", AttributeValue.fromS(content))));
	}

	/** Write items {@code prefix-from} to {@code prefix-(to-1)}, in order, 25 per BatchWriteItem. */
	void putMany(TableDescriptor table, String prefix, int from, int to) {
		List<WriteRequest> writes = new ArrayList<>();
		for (int i = from; i < to; i++) {
			writes.add(WriteRequest.builder()
				.putRequest(PutRequest.builder()
					.item(Map.of("id", AttributeValue.fromS(prefix + "-" + i), "content", AttributeValue.fromS("c" + i)))
					.build())
				.build());
			if (writes.size() == 25 || i == to - 1) {
				List<WriteRequest> batch = List.copyOf(writes);
				this.dynamoDb.batchWriteItem((request) -> request.requestItems(Map.of(table.name(), batch)));
				writes.clear();
			}
		}
	}

	String createQueue(String prefix) {
		String name = MotoServerExtension.uniqueName(prefix);
		this.sqs.createQueue((request) -> request.queueName(name));
		return name;
	}

	List<String> receive(String queueName) {
		String url = this.sqs.getQueueUrl((request) -> request.queueName(queueName)).queueUrl();
		List<Message> messages = this.sqs
			.receiveMessage((request) -> request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
			.messages();
		return messages.stream().map(Message::body).toList();
	}

	/**
	 * A list the runtime's threads can add to while the test reads it.
	 * @param <E> the element type
	 * @return an empty list
	 */
	public static <E> List<E> synchronizedList() {
		return Collections.synchronizedList(new ArrayList<>());
	}

	/**
	 * The record's {@code id} key.
	 * @param record the record
	 * @return the key's string value
	 */
	public static String id(StreamRecord<?> record) {
		return record.keys().get("id").s();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.runtimes.forEach(LocalStreamRuntime::stop);
		this.dynamoDb.close();
		this.streams.close();
		this.sqs.close();
		this.kinesis.close();
	}

}
