package dev.tributary.sqs.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.tributary.ProcessorOptions;
import dev.tributary.SqsMessageAttribute;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.SqsQueueBinding;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.BatchOutcome;
import dev.tributary.local.LocalProcessor;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.ProcessorStatus;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.filter.RecordFilter;
import dev.tributary.local.metrics.SdkRetryMetrics;
import dev.tributary.local.shard.AbandonedException;
import dev.tributary.local.shard.CallRetrier;
import dev.tributary.local.shard.StopSignal;
import dev.tributary.sqs.SqsEventCodec;
import dev.tributary.sqs.SqsQueueMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import org.springframework.util.Assert;

/**
 * Feeds one processor from its queue with the semantics of Lambda's SQS event source mapping:
 * pollers long-poll ReceiveMessage (10 messages a call), gather a batch up to the batch size or
 * the batching window, run it through the {@link BatchInvoker}, and delete the messages that were
 * processed (and those the filters dropped, as Lambda does). A failed message and the messages
 * after it in the batch are left alone: they come back after the queue's visibility timeout, and
 * after the dead-letter queue's maximum receive count the queue moves them there. There is no
 * checkpoint: the queue is the state.
 * <p>
 * The number of pollers is the processor's maximum concurrency (at most
 * {@value #MAX_POLLERS} locally), else two; a FIFO queue gets one, since moto (unlike SQS) hands
 * out a message group's next message while the one before is still in flight. Every
 * SQS call goes through a {@link CallRetrier}: an outage is retried with backoff for as long as
 * the runtime runs, shows in health and metrics, and is logged once per streak. On stop, in-flight
 * batches finish up to the shutdown timeout; messages not deleted by then become visible again.
 *
 * @author Tributary
 */
public final class SqsQueueRuntime implements LocalProcessor {

	/** The most pollers one processor gets locally. */
	public static final int MAX_POLLERS = 8;

	private static final Log logger = LogFactory.getLog(SqsQueueRuntime.class);

	private static final int MAX_MESSAGES_PER_RECEIVE = 10;

	private static final int WAIT_TIME_SECONDS = 1;

	private static final SqsEventCodec codec = new SqsEventCodec();

	private final QueueReader processor;

	private final SqsClient client;

	private final String queueUrl;

	private final String queueArn;

	private final BatchInvoker<SqsQueueMessage, ?> invoker;

	private final LocalRuntimeOptions options;

	private final RuntimeMetrics metrics;

	private final Clock clock;

	private final RecordFilter filter;

	private final int pollers;

	private final StopSignal stop = new StopSignal();

	private final CallRetrier calls;

	private final AtomicLong processed = new AtomicLong();

	/** Tells the publisher, if any, of each call: its attempts and retries. */
	private final Consumer<AwsRequestOverrideConfiguration.Builder> published;

	private volatile boolean running;

	private ExecutorService executor;

	/**
	 * Create the runtime of one processor.
	 * @param processor the processor
	 * @param client the SQS client
	 * @param queueUrl its queue's URL
	 * @param queueArn its queue's ARN
	 * @param invoker runs it on a batch of messages
	 * @param options runtime settings
	 * @param metrics where metrics go
	 * @param clock the clock batching windows are measured with
	 * @param publisher told about each SQS call (its attempts and retries), or {@code null}
	 */
	public SqsQueueRuntime(SqsProcessorDefinition<?> processor, SqsClient client, String queueUrl, String queueArn,
			BatchInvoker<SqsQueueMessage, ?> invoker, LocalRuntimeOptions options, RuntimeMetrics metrics,
			Clock clock, @Nullable MetricPublisher publisher) {
		this(new QueueReader(processor.name(), processor.binding(), processor.options()), client, queueUrl, queueArn,
				invoker, options, metrics, clock, publisher);
	}

	/**
	 * Create the runtime of a processor that reads a queue, whatever its element: an SQS
	 * processor, or an S3 processor reading its notification queue.
	 * @param processor the processor's name, queue and options
	 * @param client the SQS client
	 * @param queueUrl its queue's URL
	 * @param queueArn its queue's ARN
	 * @param invoker runs it on a batch of messages
	 * @param options runtime settings
	 * @param metrics where metrics go
	 * @param clock the clock batching windows are measured with
	 * @param publisher told about each SQS call (its attempts and retries), or {@code null}
	 */
	public SqsQueueRuntime(QueueReader processor, SqsClient client, String queueUrl, String queueArn,
			BatchInvoker<SqsQueueMessage, ?> invoker, LocalRuntimeOptions options, RuntimeMetrics metrics,
			Clock clock, @Nullable MetricPublisher publisher) {
		Assert.notNull(processor, "'processor' must not be null");
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(queueUrl, "'queueUrl' must not be empty");
		Assert.hasText(queueArn, "'queueArn' must not be empty");
		Assert.notNull(invoker, "'invoker' must not be null");
		this.processor = processor;
		this.client = client;
		this.queueUrl = queueUrl;
		this.queueArn = queueArn;
		this.invoker = invoker;
		this.options = options;
		this.metrics = metrics;
		this.clock = clock;
		this.filter = RecordFilter.of(processor.options().filterPatterns());
		this.published = SdkRetryMetrics.publishedTo(publisher);
		Integer concurrency = processor.binding().options().maximumConcurrency();
		// moto hands out a FIFO group's next message while the one before is still in flight (SQS
		// does not): one poller keeps group order locally.
		this.pollers = processor.binding().queue().fifo() ? 1
				: (concurrency != null) ? Math.min(concurrency, MAX_POLLERS) : 2;
		this.calls = new CallRetrier(processor.name(), "Processor '" + processor.name() + "' (queue "
				+ processor.binding().queue().name() + ")", options, metrics, this.stop, clock, () -> {
				}, () -> false);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		AtomicInteger count = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(this.pollers, (task) -> {
			Thread thread = new Thread(task, "tributary-" + this.processor.name() + "-poller-" + count.incrementAndGet());
			// Not daemons: an application with processors and no web server stays up while they run.
			thread.setDaemon(false);
			return thread;
		});
		SqsQueueDescriptor queue = this.processor.binding().queue();
		logger.info("Processor '" + this.processor.name() + "' reads SQS queue " + this.queueArn + " (" + this.pollers
				+ " poller(s), batch size " + this.processor.options().batchSize() + ", visibility timeout "
				+ queue.visibilityTimeout().toSeconds() + " s"
				+ ((queue.deadLetterQueue() != null) ? ", dead-letter queue " + queue.deadLetterQueue() + " after "
						+ queue.maxReceiveCount() + " receives" : "")
				+ ")");
		for (int i = 0; i < this.pollers; i++) {
			this.executor.execute(this::poll);
		}
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.stop.stop();
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(this.options.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Processor '" + this.processor.name() + "' did not finish its in-flight batch within "
						+ this.options.shutdownTimeout() + "; its messages become visible again after the queue's "
						+ "visibility timeout");
				this.stop.abandon();
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stop.abandon();
			this.executor.shutdownNow();
		}
	}

	@Override
	public synchronized void abort() {
		this.running = false;
		this.stop.abandon();
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	@Override
	public ProcessorStatus status() {
		return new ProcessorStatus(this.processor.name(), this.processor.binding().queue().name(), this.queueArn,
				this.running, List.of(), this.calls.problem());
	}

	/**
	 * How many messages the processor completed since startup.
	 * @return the count
	 */
	public long processedCount() {
		return this.processed.get();
	}

	private void poll() {
		while (!this.stop.isStopping()) {
			try {
				List<SqsQueueMessage> batch = gather();
				if (!batch.isEmpty() && !this.stop.isAbandoned()) {
					process(batch);
				}
			}
			catch (AbandonedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (this.stop.isStopping()) {
					return;
				}
				logger.error("Processor '" + this.processor.name() + "': unexpected error polling " + this.queueArn
						+ "; polling again in 1 s", ex);
				this.stop.await(Duration.ofSeconds(1));
			}
		}
	}

	/**
	 * Receive up to the batch size, for as long as the batching window lasts (one receive
	 * without a window).
	 */
	private List<SqsQueueMessage> gather() {
		int batchSize = this.processor.options().batchSize();
		Duration window = this.processor.options().maxBatchingWindow();
		List<SqsQueueMessage> batch = new ArrayList<>();
		Instant windowEnd = null;
		while (!this.stop.isStopping() && batch.size() < batchSize) {
			int max = Math.min(MAX_MESSAGES_PER_RECEIVE, batchSize - batch.size());
			List<Message> received = this.calls.call("ReceiveMessage", () -> this.client
				.receiveMessage((request) -> request.overrideConfiguration(this.published)
					.queueUrl(this.queueUrl)
					.maxNumberOfMessages(max)
					.waitTimeSeconds(WAIT_TIME_SECONDS)
					.messageSystemAttributeNames(MessageSystemAttributeName.ALL)
					.messageAttributeNames("All"))
				.messages());
			received.forEach((message) -> batch.add(raw(message)));
			if (!batch.isEmpty() && windowEnd == null) {
				windowEnd = this.clock.instant().plus(window);
			}
			if (batch.isEmpty() || window.isZero() || !this.clock.instant().isBefore(windowEnd)) {
				break;
			}
		}
		return batch;
	}

	private void process(List<SqsQueueMessage> batch) {
		List<SqsQueueMessage> matching = new ArrayList<>(batch.size());
		List<SqsQueueMessage> done = new ArrayList<>(batch.size());
		for (SqsQueueMessage message : batch) {
			if (this.filter.matches(codec.toFilterView(message))) {
				matching.add(message);
			}
			else {
				done.add(message);
			}
		}
		long start = System.nanoTime();
		BatchOutcome outcome = this.invoker.invoke(matching, this.queueArn, null);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		String queue = this.processor.binding().queue().name();
		if (outcome.isSuccess()) {
			done.addAll(matching);
			if (!matching.isEmpty()) {
				this.metrics.batchSucceeded(this.processor.name(), queue, matching.size(), took);
			}
		}
		else {
			int failed = outcome.failedIndex();
			done.addAll(matching.subList(0, failed));
			this.metrics.batchFailed(this.processor.name(), queue, took);
			if (failed > 0) {
				this.metrics.batchSucceeded(this.processor.name(), queue, failed, Duration.ZERO);
			}
			SqsQueueMessage first = matching.get(failed);
			Throwable cause = outcome.cause();
			logger.warn("Processor '" + this.processor.name() + "' failed at message " + first.messageId() + " ("
					+ (failed + 1) + " of " + matching.size() + ", receive " + receiveCount(first) + "): "
					+ ((cause != null) ? cause.getClass().getName() + ": " + cause.getMessage() : "deadline")
					+ "; it and the " + (matching.size() - failed - 1) + " message(s) after it come back after the "
					+ "visibility timeout" + deadLetterNote());
		}
		delete(done);
		this.processed.addAndGet(done.size());
	}

	private String deadLetterNote() {
		SqsQueueDescriptor queue = this.processor.binding().queue();
		return (queue.deadLetterQueue() != null) ? " (to " + queue.deadLetterQueue() + " after " + queue.maxReceiveCount()
				+ " receives)" : " (the queue has no dead-letter queue: they are retried until they expire)";
	}

	private static String receiveCount(SqsQueueMessage message) {
		return message.attributes().getOrDefault("ApproximateReceiveCount", "?");
	}

	private void delete(List<SqsQueueMessage> messages) {
		for (int from = 0; from < messages.size(); from += MAX_MESSAGES_PER_RECEIVE) {
			List<SqsQueueMessage> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_MESSAGES_PER_RECEIVE));
			List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(chunk.size());
			for (int i = 0; i < chunk.size(); i++) {
				entries.add(DeleteMessageBatchRequestEntry.builder()
					.id(String.valueOf(i))
					.receiptHandle(chunk.get(i).receiptHandle())
					.build());
			}
			DeleteMessageBatchResponse response = this.calls.call("DeleteMessageBatch", () -> this.client
				.deleteMessageBatch((request) -> request.overrideConfiguration(this.published)
					.queueUrl(this.queueUrl)
					.entries(entries)));
			response.failed()
				.forEach((failure) -> logger.warn("Processor '" + this.processor.name() + "' could not delete message "
						+ chunk.get(Integer.parseInt(failure.id())).messageId() + " (" + failure.code()
						+ "); it comes back after the visibility timeout and is processed again"));
		}
	}


	private SqsQueueMessage raw(Message message) {
		Map<String, String> attributes = new LinkedHashMap<>();
		message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
		Map<String, SqsMessageAttribute> messageAttributes = new LinkedHashMap<>();
		message.messageAttributes()
			.forEach((name, value) -> messageAttributes.put(name, attribute(value)));
		return new SqsQueueMessage(message.messageId(), message.receiptHandle(), message.body(), attributes,
				messageAttributes, message.md5OfBody(), this.queueArn, null);
	}

	private static SqsMessageAttribute attribute(MessageAttributeValue value) {
		return new SqsMessageAttribute(value.dataType(), value.stringValue(),
				(value.binaryValue() != null) ? value.binaryValue().asByteArray() : null);
	}

	/**
	 * What the runtime needs of a processor that reads a queue.
	 *
	 * @param name the processor's name
	 * @param binding its queue and the queue's options
	 * @param options its common options (batch size, window, filters)
	 */
	public record QueueReader(String name, SqsQueueBinding binding, ProcessorOptions options) {

		public QueueReader {
			Assert.hasText(name, "'name' must not be empty");
			Assert.notNull(binding, "'binding' must not be null");
			Assert.notNull(options, "'options' must not be null");
		}

	}

}
