package dev.tributary.local.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.local.FailureDestinationResolver;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.ProcessorStatus;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.provision.TableProvisioner;
import dev.tributary.local.shard.ProcessorRuntime;
import dev.tributary.local.stream.StreamClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * The local runtime: on start, provisions the processors' tables and feeds each processor from
 * its table's stream with the semantics of Lambda's event source mapping; on stop, stops polling
 * and lets in-flight batches finish (or abandons them, without a checkpoint, after the shutdown
 * timeout). Started last and stopped first among the application's lifecycle beans.
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

	private final TableProvisioner provisioner;

	private final StreamClient streams;

	private final CheckpointStore checkpoints;

	private final FailureDestinationResolver destinations;

	private final LocalRuntimeOptions options;

	private final RuntimeMetrics metrics;

	private final Clock clock;

	private final List<ProcessorRuntime> runtimes = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Create the runtime.
	 * @param registry the processors
	 * @param provisioner creates their tables
	 * @param streams reads their streams
	 * @param checkpoints stores their positions
	 * @param destinations where failed records go
	 * @param options runtime settings
	 * @param metrics where metrics go
	 * @param clock the clock record ages are measured with
	 */
	public LocalStreamRuntime(StreamProcessorRegistry registry, TableProvisioner provisioner, StreamClient streams,
			CheckpointStore checkpoints, FailureDestinationResolver destinations, LocalRuntimeOptions options,
			RuntimeMetrics metrics, Clock clock) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(provisioner, "'provisioner' must not be null");
		Assert.notNull(streams, "'streams' must not be null");
		Assert.notNull(checkpoints, "'checkpoints' must not be null");
		Assert.notNull(destinations, "'destinations' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.registry = registry;
		this.provisioner = provisioner;
		this.streams = streams;
		this.checkpoints = checkpoints;
		this.destinations = destinations;
		this.options = options;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		List<KinesisProcessorDefinition<?>> kinesisProcessors = this.registry.getProcessors(KinesisProcessorDefinition.class);
		if (!kinesisProcessors.isEmpty()) {
			logger.info("Tributary local runtime skips Kinesis processor(s) "
					+ kinesisProcessors.stream().map(KinesisProcessorDefinition::name).toList()
					+ ": Kinesis processors run only in Lambda for now");
		}
		Map<String, String> streamArns = this.provisioner.provision(this.registry);
		for (StreamProcessorDefinition<?> processor : this.registry
			.getProcessors(StreamProcessorDefinition.class)) {
			String streamArn = streamArns.get(DynamoDbStreamBinding.of(processor).table().id());
			Assert.state(streamArn != null, () -> "No stream for " + processor.binding().describe());
			ProcessorRuntime runtime = new ProcessorRuntime(processor, streamArn, this.streams, this.checkpoints,
					this.destinations.resolve(processor), this.options, this.metrics, this.clock);
			this.runtimes.add(runtime);
			runtime.start();
		}
		this.running = true;
		logger.info("Tributary local runtime started " + this.runtimes.size() + " processor(s)");
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.runtimes.parallelStream().forEach(ProcessorRuntime::stop);
		this.runtimes.clear();
		logger.info("Tributary local runtime stopped");
	}

	/**
	 * Stop at once, abandoning in-flight batches without a checkpoint, as a killed process would.
	 */
	public synchronized void abort() {
		this.running = false;
		this.runtimes.forEach(ProcessorRuntime::abort);
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
		return this.runtimes.stream().map(ProcessorRuntime::status).toList();
	}

	/**
	 * Options this runtime runs with.
	 * @return the options
	 */
	public LocalRuntimeOptions getOptions() {
		return this.options;
	}

}
