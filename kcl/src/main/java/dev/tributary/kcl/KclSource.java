package dev.tributary.kcl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.ProcessorDefinition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.aws.KclApplicationNames;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.dynamodb.DynamoDbSourceType;
import dev.tributary.dynamodb.local.DynamoDbShardRecordType;
import dev.tributary.kinesis.KinesisDataRecord;
import dev.tributary.kinesis.KinesisSourceType;
import dev.tributary.kinesis.local.KinesisShardRecordType;
import dev.tributary.kinesis.local.KinesisStreamProvisioner;
import dev.tributary.local.LocalProcessor;
import dev.tributary.local.provision.TableProvisioner;
import dev.tributary.local.runtime.LocalSource;
import dev.tributary.local.shard.ShardEngine;
import dev.tributary.local.shard.StopSignal;
import dev.tributary.local.stream.ShardRecordType;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;

import org.springframework.util.Assert;

/**
 * DynamoDB Streams and Kinesis processors on KCL, as a source of the host runtime
 * ({@link dev.tributary.local.runtime.LocalStreamRuntime}, which also runs the queue processors,
 * the actuator endpoint and health): makes sure the tables and streams exist as the local sources
 * do, then gives each processor a KCL application of its own whose batches run through the shard
 * engine's {@link dev.tributary.local.shard.ShardBatches}.
 *
 * @author Tributary
 */
public final class KclSource implements LocalSource {

	/** How many shards' lanes run at once on one worker. */
	private static final int LANE_SHARDS = 4;

	private final TableProvisioner tables;

	private final @Nullable KinesisStreamProvisioner streams;

	private final KclSchedulers schedulers;

	private final KclOptions options;

	/**
	 * Create the source.
	 * @param tables creates the processors' tables (with their streams) where allowed
	 * @param streams creates the processors' Kinesis streams, or {@code null} without Kinesis
	 * @param clients the clients KCL runs on
	 * @param options KCL settings
	 */
	public KclSource(TableProvisioner tables, @Nullable KinesisStreamProvisioner streams, KclClients clients,
			KclOptions options) {
		Assert.notNull(tables, "'tables' must not be null");
		Assert.notNull(clients, "'clients' must not be null");
		Assert.notNull(options, "'options' must not be null");
		this.tables = tables;
		this.streams = streams;
		this.schedulers = new KclSchedulers(clients, options);
		this.options = options;
	}

	@Override
	public List<ProcessorDefinition<?>> processors(StreamProcessorRegistry registry) {
		List<ProcessorDefinition<?>> processors = new ArrayList<>();
		registry.getProcessors(StreamProcessorDefinition.class).forEach(processors::add);
		registry.getProcessors(KinesisProcessorDefinition.class).forEach(processors::add);
		return processors;
	}

	@Override
	public List<LocalProcessor> provision(StreamProcessorRegistry registry, ShardEngine engine) {
		List<LocalProcessor> processors = new ArrayList<>();
		List<StreamProcessorDefinition<?>> tableProcessors = new ArrayList<>();
		registry.getProcessors(StreamProcessorDefinition.class).forEach(tableProcessors::add);
		if (!tableProcessors.isEmpty()) {
			Map<String, String> streamArns = this.tables.provision(registry);
			for (StreamProcessorDefinition<?> processor : tableProcessors) {
				String streamArn = streamArns.get(DynamoDbStreamBinding.of(processor).table().id());
				Assert.state(streamArn != null, () -> "No stream for " + processor.binding().describe());
				processors.add(dynamoDb(processor, streamArn, engine));
			}
		}
		List<KinesisProcessorDefinition<?>> streamProcessors = new ArrayList<>();
		registry.getProcessors(KinesisProcessorDefinition.class).forEach(streamProcessors::add);
		if (!streamProcessors.isEmpty()) {
			Assert.state(this.streams != null, "Kinesis processors need the Kinesis client");
			Map<String, String> streamArns = this.streams.provision(registry.getStreams());
			for (KinesisProcessorDefinition<?> processor : streamProcessors) {
				processors.add(kinesis(processor, streamArns, engine));
			}
		}
		return processors;
	}

	private LocalProcessor dynamoDb(StreamProcessorDefinition<?> processor, String streamArn, ShardEngine engine) {
		DynamoDbStreamBinding binding = DynamoDbStreamBinding.of(processor);
		BatchInvoker<Record, ?> invoker = DynamoDbSourceType.invoker(processor, Duration.ZERO, engine.clock());
		String application = applicationName(processor);
		return processor(processor, binding.table().name(), streamArn, KclRecordReader.DYNAMODB,
				DynamoDbShardRecordType.INSTANCE, invoker, engine, KclStreamsShardProcessor::new,
				(factory) -> this.schedulers.dynamoDb(application, streamArn,
						KclPositions.of(binding.options().startingPosition(), null), processor.options().batchSize(),
						factory));
	}

	private LocalProcessor kinesis(KinesisProcessorDefinition<?> processor, Map<String, String> streamArns,
			ShardEngine engine) {
		KinesisStreamBinding binding = (KinesisStreamBinding) processor.binding();
		String streamArn = streamArns.get(binding.stream().id());
		Assert.state(streamArn != null, () -> "No stream for " + binding.describe());
		BatchInvoker<KinesisDataRecord, ?> invoker = KinesisSourceType.invoker(processor, Duration.ZERO,
				engine.clock());
		String application = applicationName(processor);
		return processor(processor, binding.stream().name(), streamArn, KclRecordReader.KINESIS,
				KinesisShardRecordType.INSTANCE, invoker, engine, KclShardProcessor::new,
				(factory) -> this.schedulers.kinesis(application, binding.stream().name(),
						KclPositions.of(binding.options().startingPosition(),
								binding.options().startingPositionTimestamp()),
						processor.options().batchSize(), factory));
	}

	private <R> LocalProcessor processor(ProcessorDefinition<?> processor, String sourceName, String streamArn,
			KclRecordReader<R> reader, ShardRecordType<R> type, BatchInvoker<R, ?> invoker, ShardEngine engine,
			Function<KclPipeline<R>, ShardRecordProcessor> recordProcessor,
			Function<ShardRecordProcessorFactory, Scheduler> scheduler) {
		ThreadPoolExecutor lanes = lanes(processor);
		KclPipeline<R> pipeline = new KclPipeline<>(processor.name(), sourceName, streamArn, reader,
				engine.batches(processor, type, invoker, lanes), new KclShards(), new StopSignal(), engine.options(),
				engine.metrics(), engine.clock());
		String application = applicationName(processor);
		return new KclProcessor(pipeline, scheduler.apply(() -> recordProcessor.apply(pipeline)), lanes,
				this.options.shutdownTimeout(), "application '" + application + "', worker " + this.options.workerId()
						+ ", batch size " + processor.options().batchSize());
	}

	private String applicationName(ProcessorDefinition<?> processor) {
		return KclApplicationNames.applicationName(this.options.app(), this.options.stage(), processor.name());
	}

	/**
	 * Lanes for the parallelization factor, shared by the shards this worker holds: four shards'
	 * worth run at once, the lanes of more shards wait their turn (a lane never waits for
	 * another, so they cannot block each other). Unused with a factor of 1.
	 */
	private static ThreadPoolExecutor lanes(ProcessorDefinition<?> processor) {
		int threads = Math.max(1, processor.options().parallelizationFactor()) * LANE_SHARDS;
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "tributary-" + processor.name() + "-lane-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

}
