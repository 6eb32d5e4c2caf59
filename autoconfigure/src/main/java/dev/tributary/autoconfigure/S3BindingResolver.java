package dev.tributary.autoconfigure;

import java.util.List;
import java.util.regex.Pattern;

import dev.tributary.ProcessorOptions;
import dev.tributary.S3BucketDescriptor;
import dev.tributary.S3Delivery;
import dev.tributary.S3EventBinding;
import dev.tributary.S3EventProcessor;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Resolves an S3 event processor's binding from its {@link S3EventProcessor} annotation, each
 * attribute overridable by {@code tributary.processors.<name>.*}: the bucket, the event types,
 * the key prefix and suffix, the delivery, and for delivery through SQS the processor's own
 * notification queue ({@code <bucket name>-<processor>}, with a dead-letter queue after 5
 * receives) read with the batch settings of an SQS processor. The settings of the other sources
 * are rejected naming what an S3 processor uses instead.
 *
 * @author Tributary
 */
class S3BindingResolver {

	private static final String ANNOTATION = S3EventProcessor.class.getSimpleName();

	private static final String KIND = "an S3 event processor";

	private static final Pattern EVENT_TYPE = Pattern
		.compile("s3:(ObjectCreated|ObjectRemoved|ObjectRestore|ReducedRedundancyLostObject|Replication|LifecycleExpiration|"
				+ "LifecycleTransition|IntelligentTiering|ObjectTagging|ObjectAcl):[A-Za-z*]+|"
				+ "s3:(ReducedRedundancyLostObject|IntelligentTiering|LifecycleTransition)");

	private static final int MAX_RECEIVE_COUNT = 5;

	private final ProcessorOptionsResolver optionsResolver;

	/**
	 * Create a resolver.
	 * @param queues resolves the queues processors send to
	 */
	S3BindingResolver(SqsQueueResolver queues) {
		this.optionsResolver = new ProcessorOptionsResolver(queues);
	}

	/**
	 * A resolved S3 binding with the processor's common options.
	 *
	 * @param binding the bucket, events and delivery
	 * @param options the common options
	 */
	record Resolved(S3EventBinding binding, ProcessorOptions options) {

	}

	Resolved resolve(String processor, @Nullable S3EventProcessor annotation,
			TributaryProperties.@Nullable Processor properties, S3BucketResolver buckets) {
		if (annotation == null && properties == null) {
			throw new InvalidProcessorBindingException("bean '" + processor + "'", "(no binding)",
					"The bean is a Function<Flux<S3EventRecord>, Mono<Void>> but is not bound to a bucket.",
					"Annotate its @Bean method with @S3EventProcessor(bucket = \"...\"), or set "
							+ BoundValue.propertyName(processor, "bucket") + ".");
		}
		String annotationName = (annotation != null) ? ANNOTATION : null;
		TributaryProperties.Processor props = (properties != null) ? properties : new TributaryProperties.Processor();
		SqsBindingResolver.rejectStreamSettings(processor, props, KIND);
		SqsBindingResolver.reject(processor, "queue", props.getQueue(), "an SQS processor setting; an S3 processor's "
				+ "notification queue is its own", KIND);
		S3BucketDescriptor bucket = buckets.resolve(BoundValue
			.pick(processor, props.getBucket(), "bucket", (annotation != null) ? annotation.bucket() : "", "bucket",
					annotationName)
			.require(StringUtils::hasText, "An S3 event processor must name the bucket (its id or ARN) it reads."));
		List<String> events = BoundValue
			.pick(processor, props.getEvents(), "events",
					(annotation != null) ? List.of(annotation.events()) : List.of("s3:ObjectCreated:*"), "events",
					annotationName)
			.require((values) -> !values.isEmpty() && values.stream().allMatch((event) -> EVENT_TYPE.matcher(event)
				.matches()), "Each event must be an S3 event type, such as s3:ObjectCreated:* or s3:ObjectRemoved:Delete.")
			.value();
		String prefix = BoundValue
			.pick(processor, props.getPrefix(), "prefix", (annotation != null) ? annotation.prefix() : "", "prefix",
					annotationName)
			.require((value) -> value.length() <= 1024, "A key prefix has at most 1024 characters.")
			.value();
		String suffix = BoundValue
			.pick(processor, props.getSuffix(), "suffix", (annotation != null) ? annotation.suffix() : "", "suffix",
					annotationName)
			.require((value) -> value.length() <= 1024, "A key suffix has at most 1024 characters.")
			.value();
		S3Delivery delivery = BoundValue.pick(processor, props.getDelivery(), "delivery",
				(annotation != null) ? annotation.delivery() : S3Delivery.SQS, "delivery", annotationName).value();
		boolean readsObjects = BoundValue.pick(processor, props.getReadsObjects(), "reads-objects",
				annotation != null && annotation.readsObjects(), "readsObjects", annotationName).value();
		int concurrency = BoundValue.pick(processor, props.getMaximumConcurrency(), "maximum-concurrency",
				(annotation != null) ? annotation.maximumConcurrency() : 0, "maximumConcurrency", annotationName)
			.require((value) -> value == 0
					|| (value >= SqsQueueOptions.MIN_CONCURRENCY && value <= SqsQueueOptions.MAX_CONCURRENCY),
					"The maximum concurrency of an SQS mapping is 2 to 1000 (0 for Lambda's default).")
			.value();
		AnnotatedOptions annotated = new AnnotatedOptions(ANNOTATION,
				(annotation != null) ? annotation.batchSize() : SqsBindingResolver.DEFAULT_BATCH_SIZE,
				(annotation != null) ? annotation.maxBatchingWindow() : "0s", ProcessorOptions.UNLIMITED, "", false, 1,
				"", List.of(), (annotation != null) ? List.of(annotation.sendsTo()) : List.of());
		ProcessorOptions options = this.optionsResolver.resolve(processor, annotated, props);
		SqsQueueDescriptor queue = (delivery == S3Delivery.SQS)
				? S3EventBinding.notificationQueue(bucket, processor, MAX_RECEIVE_COUNT) : null;
		if (queue != null) {
			SqsBindingResolver.checkBatch(processor, props, annotationName, queue, options);
		}
		return new Resolved(new S3EventBinding(bucket, events, prefix, suffix, delivery, queue,
				new SqsQueueOptions((concurrency == 0) ? null : concurrency), readsObjects), options);
	}

}
