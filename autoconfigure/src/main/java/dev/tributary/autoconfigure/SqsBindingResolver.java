package dev.tributary.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.tributary.ProcessorOptions;
import dev.tributary.SqsQueueBinding;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueOptions;
import dev.tributary.SqsQueueProcessor;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Resolves an SQS processor's binding: the queue and the {@link SqsQueueOptions} (maximum
 * concurrency) from its {@link SqsQueueProcessor} annotation, each overridable by
 * {@code tributary.processors.<name>.*}. Of the common options a queue takes the batch size (10
 * by default, as Lambda's), the batching window and the filters; the settings of shard sources
 * (retries, record age, bisection, parallelization, on-failure destination) and of the other
 * sources are rejected naming what a queue uses instead.
 *
 * @author Tributary
 */
class SqsBindingResolver {

	private static final String ANNOTATION = SqsQueueProcessor.class.getSimpleName();

	/** Lambda's default batch size for SQS, and the most a FIFO queue takes. */
	static final int DEFAULT_BATCH_SIZE = 10;

	private final ProcessorOptionsResolver optionsResolver;

	/**
	 * Create a resolver.
	 * @param queues resolves the queues processors send to
	 */
	SqsBindingResolver(SqsQueueResolver queues) {
		this.optionsResolver = new ProcessorOptionsResolver(queues);
	}

	/**
	 * A resolved SQS binding with the processor's common options.
	 *
	 * @param binding the queue and its options
	 * @param options the common options
	 */
	record Resolved(SqsQueueBinding binding, ProcessorOptions options) {

	}

	Resolved resolve(String processor, @Nullable SqsQueueProcessor annotation,
			TributaryProperties.@Nullable Processor properties, SqsQueueResolver queues) {
		if (annotation == null && properties == null) {
			throw new InvalidProcessorBindingException("bean '" + processor + "'", "(no binding)",
					"The bean is a Function<Flux<SqsMessage<T>>, Mono<Void>> but is not bound to a queue.",
					"Annotate its @Bean method with @SqsQueueProcessor(queue = \"...\"), or set "
							+ BoundValue.propertyName(processor, "queue") + ".");
		}
		String annotationName = (annotation != null) ? ANNOTATION : null;
		TributaryProperties.Processor props = (properties != null) ? properties : new TributaryProperties.Processor();
		rejectOtherSourceSettings(processor, props);
		BoundValue<String> queueId = BoundValue
			.pick(processor, props.getQueue(), "queue", (annotation != null) ? annotation.queue() : "", "queue",
					annotationName)
			.require(StringUtils::hasText, "An SQS processor must name the queue (its id or ARN) that feeds it.");
		SqsQueueDescriptor queue = queues.resolve(queueId);
		BoundValue<Integer> concurrency = BoundValue.pick(processor, props.getMaximumConcurrency(),
				"maximum-concurrency", (annotation != null) ? annotation.maximumConcurrency() : 0,
				"maximumConcurrency", annotationName)
			.require((value) -> value == 0
					|| (value >= SqsQueueOptions.MIN_CONCURRENCY && value <= SqsQueueOptions.MAX_CONCURRENCY),
					"The maximum concurrency of an SQS mapping is 2 to 1000 (0 for Lambda's default).");
		AnnotatedOptions annotated = (annotation != null) ? AnnotatedOptions.of(annotation)
				: new AnnotatedOptions(ANNOTATION, DEFAULT_BATCH_SIZE, "0s", ProcessorOptions.UNLIMITED, "", false, 1,
						"", List.of(), List.of());
		ProcessorOptions options = this.optionsResolver.resolve(processor, annotated, props);
		checkBatch(processor, props, annotationName, queue, options);
		return new Resolved(new SqsQueueBinding(queue,
				new SqsQueueOptions((concurrency.value() == 0) ? null : concurrency.value())), options);
	}

	/**
	 * Fail on a batch an SQS mapping does not take: above 10 without a batching window, or
	 * above 10 from a FIFO queue.
	 */
	static void checkBatch(String processor, TributaryProperties.Processor props,
			@Nullable String annotationName, SqsQueueDescriptor queue, ProcessorOptions options) {
		String source = (props.getBatchSize() != null) ? BoundValue.propertyName(processor, "batch-size")
				: (annotationName != null) ? "@" + annotationName + "(batchSize) on bean '" + processor + "'"
						: "the default of " + BoundValue.propertyName(processor, "batch-size");
		if (queue.fifo() && options.batchSize() > DEFAULT_BATCH_SIZE) {
			throw new InvalidProcessorBindingException(source, String.valueOf(options.batchSize()),
					"A FIFO queue's mapping takes at most 10 messages per batch.", "Set it to 10 or less.");
		}
		if (options.batchSize() > DEFAULT_BATCH_SIZE && options.maxBatchingWindow().equals(Duration.ZERO)) {
			throw new InvalidProcessorBindingException(source, String.valueOf(options.batchSize()),
					"An SQS mapping takes more than 10 messages per batch only with a batching window.",
					"Set it to 10 or less, or set " + BoundValue.propertyName(processor, "max-batching-window")
							+ " (or maxBatchingWindow) to at least 1s.");
		}
	}

	private static void rejectOtherSourceSettings(String processor, TributaryProperties.Processor props) {
		rejectStreamSettings(processor, props, "an SQS processor");
		rejectS3Settings(processor, props, "an SQS processor");
	}

	/**
	 * Fail on the settings of DynamoDB and Kinesis processors, naming what a queue uses instead.
	 * @param processor the processor's name
	 * @param props its properties
	 * @param kind what it is, for messages ({@code an SQS processor})
	 */
	static void rejectStreamSettings(String processor, TributaryProperties.Processor props, String kind) {
		reject(processor, "table", props.getTable(), "a DynamoDB Streams setting", kind);
		reject(processor, "view-type", props.getViewType(), "a DynamoDB Streams setting", kind);
		reject(processor, "stream", props.getStream(), "a Kinesis setting", kind);
		reject(processor, "starting-position", props.getStartingPosition(), "a stream setting: a queue has no position",
				kind);
		reject(processor, "starting-position-timestamp", props.getStartingPositionTimestamp(), "a Kinesis setting",
				kind);
		String retries = "a stream setting; a queue retries a message each time its visibility timeout ends, up to "
				+ "the dead-letter queue's tributary.queues.<id>.dead-letter.max-receive-count";
		reject(processor, "max-retry-attempts", props.getMaxRetryAttempts(), retries, kind);
		reject(processor, "max-record-age", props.getMaxRecordAge(), "a stream setting; a queue keeps messages for "
				+ "its retention period", kind);
		reject(processor, "bisect-on-error", props.getBisectOnError(), "a stream setting; a queue reports each failed "
				+ "message by its id", kind);
		reject(processor, "parallelization-factor", props.getParallelizationFactor(), "a stream setting; a queue "
				+ "scales with " + BoundValue.propertyName(processor, "maximum-concurrency"), kind);
		reject(processor, "on-failure", props.getOnFailure(), "a stream setting; failed messages move to the queue's "
				+ "dead-letter queue, tributary.queues.<id>.dead-letter.queue", kind);
	}

	private static void rejectS3Settings(String processor, TributaryProperties.Processor props, String kind) {
		String s3 = "an S3 event processor setting";
		reject(processor, "bucket", props.getBucket(), s3, kind);
		reject(processor, "events", props.getEvents(), s3, kind);
		reject(processor, "prefix", props.getPrefix(), s3, kind);
		reject(processor, "suffix", props.getSuffix(), s3, kind);
		reject(processor, "delivery", props.getDelivery(), s3, kind);
		reject(processor, "reads-objects", props.getReadsObjects(), s3, kind);
	}

	static void reject(String processor, String property, @Nullable Object value, String why, String kind) {
		if (value != null) {
			String name = BoundValue.propertyName(processor, property);
			throw new InvalidProcessorBindingException(name, String.valueOf(value),
					"It is " + why + ", and '" + processor + "' is " + kind + ".", "Remove " + name + ".");
		}
	}

}
