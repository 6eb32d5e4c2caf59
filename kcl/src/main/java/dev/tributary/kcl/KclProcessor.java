package dev.tributary.kcl;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.tributary.local.LocalProcessor;
import dev.tributary.local.ProcessorStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.kinesis.coordinator.Scheduler;

/**
 * One processor on KCL: a {@link Scheduler} of its own (its own KCL application and lease table)
 * whose record processors run the processor's batches. Stopping asks KCL for a graceful
 * shutdown: batches being retried are abandoned without a checkpoint, batches being processed
 * finish and are checkpointed, up to the shutdown timeout; then the leases are released so that
 * other workers take the shards at once.
 *
 * @author Tributary
 */
final class KclProcessor implements LocalProcessor {

	private static final Log logger = LogFactory.getLog(KclProcessor.class);

	private final KclPipeline<?> pipeline;

	private final Scheduler scheduler;

	private final ExecutorService lanes;

	private final Duration shutdownTimeout;

	private final String description;

	private volatile boolean running;

	private @Nullable Thread thread;

	KclProcessor(KclPipeline<?> pipeline, Scheduler scheduler, ExecutorService lanes, Duration shutdownTimeout,
			String description) {
		this.pipeline = pipeline;
		this.scheduler = scheduler;
		this.lanes = lanes;
		this.shutdownTimeout = shutdownTimeout;
		this.description = description;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread schedulerThread = new Thread(this.scheduler, "tributary-kcl-" + this.pipeline.processor());
		// Not a daemon: an application with processors and no web server stays up while they run.
		schedulerThread.setDaemon(false);
		this.thread = schedulerThread;
		schedulerThread.start();
		logger.info("Processor '" + this.pipeline.processor() + "' reads " + this.pipeline.streamArn() + " on KCL ("
				+ this.description + ")");
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		// Retry waits end now; a batch being processed finishes and is checkpointed.
		this.pipeline.stop().stop();
		try {
			this.scheduler.startGracefulShutdown().get(this.shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
			logger.info("Processor '" + this.pipeline.processor() + "' stopped on KCL and released its leases");
		}
		catch (TimeoutException | ExecutionException ex) {
			logger.warn("Processor '" + this.pipeline.processor() + "' did not stop within " + this.shutdownTimeout
					+ " (" + ex + "); abandoning its in-flight batches without a checkpoint");
			abandon();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			abandon();
		}
		finally {
			this.lanes.shutdown();
		}
	}

	@Override
	public synchronized void abort() {
		this.running = false;
		abandon();
		this.lanes.shutdownNow();
	}

	private void abandon() {
		this.pipeline.stop().abandon();
		this.scheduler.shutdown();
	}

	@Override
	public ProcessorStatus status() {
		return new ProcessorStatus(this.pipeline.processor(), this.pipeline.sourceName(), this.pipeline.streamArn(),
				this.running, this.pipeline.shards().statuses());
	}

}
