package dev.tributary.local.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.ProcessorDefinition;
import dev.tributary.S3EventBinding;
import dev.tributary.SqsQueueBinding;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.local.LocalProcessor;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.ProcessorStatus;
import dev.tributary.local.shard.ShardEngine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * The local runtime: on start, has each {@link LocalSource} provision what its processors read
 * and feeds each processor from its stream with the semantics of Lambda's event source mapping;
 * on stop, stops polling and lets in-flight batches finish (or abandons them, without a
 * checkpoint, after the shutdown timeout). Started last and stopped first among the
 * application's lifecycle beans. A processor that no source runs (its source's SDK is not on the
 * classpath) stops the start, naming the processor and the dependency to add.
 * <p>
 * While it runs, each processor has a non-daemon thread, so an application with processors and
 * no web server stays up as a service; {@link #stop()} (context close, SIGTERM) ends them and
 * releases the shards' leases, so a standby instance takes over at once. {@link #abort()} keeps
 * the leases, as a killed process would: a standby takes over when they expire.
 *
 * @author Tributary
 */
public class LocalStreamRuntime implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(LocalStreamRuntime.class);

	private final StreamProcessorRegistry registry;

	private final List<LocalSource> sources;

	private final ShardEngine engine;

	private final List<LocalProcessor> runtimes = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Create the runtime.
	 * @param registry the processors
	 * @param sources the sources that run them, each its own processors
	 * @param engine what every processor's runtime shares
	 */
	public LocalStreamRuntime(StreamProcessorRegistry registry, List<? extends LocalSource> sources,
			ShardEngine engine) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(sources, "'sources' must not be null");
		Assert.notNull(engine, "'engine' must not be null");
		this.registry = registry;
		this.sources = List.copyOf(sources);
		this.engine = engine;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		checkEveryProcessorHasASource();
		for (LocalSource source : this.sources) {
			if (source.serves(this.registry)) {
				this.runtimes.addAll(source.provision(this.registry, this.engine));
			}
		}
		this.runtimes.forEach(LocalProcessor::start);
		this.running = true;
		logger.info("Tributary local runtime started " + this.runtimes.size() + " processor(s)");
	}

	private void checkEveryProcessorHasASource() {
		Set<String> served = new HashSet<>();
		this.sources.forEach((source) -> source.processors(this.registry)
			.forEach((processor) -> served.add(processor.name())));
		for (ProcessorDefinition<?> processor : this.registry.getProcessors()) {
			if (!served.contains(processor.name())) {
				throw new IllegalStateException("Processor '" + processor.name() + "' reads "
						+ processor.binding().describe() + ", but the local runtime cannot read it: "
						+ missingSource(processor));
			}
		}
	}

	private static String missingSource(ProcessorDefinition<?> processor) {
		if (processor.binding() instanceof KinesisStreamBinding) {
			return "add the dependency software.amazon.awssdk:kinesis, which the local runtime reads Kinesis "
					+ "streams with (the Lambda artifact can leave it out)";
		}
		if (processor.binding() instanceof SqsQueueBinding) {
			return "add the dependency software.amazon.awssdk:sqs (the Tributary starter brings it)";
		}
		if (processor.binding() instanceof S3EventBinding) {
			return "add the dependency software.amazon.awssdk:s3, which the local runtime creates the bucket and its "
					+ "notification with (the Lambda artifact can leave it out unless the processor reads objects)";
		}
		if (processor.binding() instanceof DynamoDbStreamBinding) {
			return "add the dependency software.amazon.awssdk:dynamodb (the Tributary starter brings it)";
		}
		return "no source of the local runtime reads " + processor.binding().getClass().getSimpleName();
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.runtimes.parallelStream().forEach(LocalProcessor::stop);
		this.runtimes.clear();
		logger.info("Tributary local runtime stopped");
	}

	/**
	 * Stop at once, abandoning in-flight batches without a checkpoint, as a killed process would.
	 */
	public synchronized void abort() {
		this.running = false;
		this.runtimes.forEach(LocalProcessor::abort);
		this.runtimes.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * A snapshot of every processor, its shards and their positions.
	 * @return the statuses, in the registry's order
	 */
	public List<ProcessorStatus> getStatus() {
		return this.runtimes.stream().map(LocalProcessor::status).toList();
	}

	/**
	 * Options this runtime runs with.
	 * @return the options
	 */
	public LocalRuntimeOptions getOptions() {
		return this.engine.options();
	}

}
