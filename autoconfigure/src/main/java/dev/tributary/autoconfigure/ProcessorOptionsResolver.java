package dev.tributary.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import dev.tributary.ProcessorOptions;
import dev.tributary.SqsQueueDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

/**
 * Resolves the common {@link ProcessorOptions} of a processor, whatever its source: the
 * binding annotation's values merged with the {@code tributary.processors.<name>.*}
 * properties (properties win, setting by setting), validated against the ranges Lambda's
 * event source mapping accepts. Each source's binding resolver adds its own source options.
 *
 * @author Tributary
 */
class ProcessorOptionsResolver {

	private static final Duration MAX_BATCHING_WINDOW = Duration.ofSeconds(300);

	private static final Duration MIN_RECORD_AGE = Duration.ofSeconds(60);

	private static final Duration MAX_RECORD_AGE = Duration.ofDays(7);

	private static final int MAX_FILTER_PATTERNS = 5;

	private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

	private static final Pattern DESTINATION_ARN = Pattern.compile("arn:aws[a-z-]*:(sqs|sns):[a-z0-9-]+:\\d{12}:.+");

	private final SqsQueueResolver queues;

	/**
	 * Create a resolver.
	 * @param queues resolves the queues of {@code sendsTo}
	 */
	ProcessorOptionsResolver(SqsQueueResolver queues) {
		this.queues = queues;
	}

	ProcessorOptions resolve(String processor, @Nullable AnnotatedOptions annotation,
			TributaryProperties.Processor props) {
		boolean annotated = annotation != null;
		return ProcessorOptions.builder()
			.batchSize(pick(processor, props.getBatchSize(), "batch-size",
					annotated ? annotation.batchSize() : ProcessorOptions.DEFAULT_BATCH_SIZE, "batchSize", annotation)
				.require((size) -> size >= 1 && size <= 10000, "The batch size must be between 1 and 10000.")
				.value())
			.maxBatchingWindow(pick(processor, props.getMaxBatchingWindow(), "max-batching-window",
					annotated ? duration(processor, annotation, "maxBatchingWindow", annotation.maxBatchingWindow())
							: Duration.ZERO,
					"maxBatchingWindow", annotation)
				.require((window) -> !window.isNegative() && window.compareTo(MAX_BATCHING_WINDOW) <= 0,
						"The maximum batching window must be between 0 and 300 seconds.")
				.value())
			.maxRetryAttempts(pick(processor, props.getMaxRetryAttempts(), "max-retry-attempts",
					annotated ? annotation.maxRetryAttempts() : ProcessorOptions.UNLIMITED, "maxRetryAttempts",
					annotation)
				.require((attempts) -> attempts >= -1 && attempts <= 10000,
						"The maximum retry attempts must be between 0 and 10000, or -1 to retry until the record expires.")
				.value())
			.maxRecordAge(maxRecordAge(processor, props, annotation))
			.bisectOnError(pick(processor, props.getBisectOnError(), "bisect-on-error",
					annotated && annotation.bisectOnError(), "bisectOnError", annotation).value())
			.parallelizationFactor(pick(processor, props.getParallelizationFactor(), "parallelization-factor",
					annotated ? annotation.parallelizationFactor() : 1, "parallelizationFactor", annotation)
				.require((factor) -> factor >= 1 && factor <= 10, "The parallelization factor must be between 1 and 10.")
				.value())
			.onFailureDestination(pick(processor, props.getOnFailure(), "on-failure",
					annotated ? annotation.onFailure() : "", "onFailure", annotation)
				.require((destination) -> destination.isEmpty() || QUEUE_NAME.matcher(destination).matches()
						|| DESTINATION_ARN.matcher(destination).matches(),
						"The on-failure destination must be an SQS queue name (letters, digits, '-' and '_', "
								+ "up to 80 characters; FIFO queues are not supported by Lambda) or an SQS or SNS ARN.")
				.value())
			.filterPatterns(ProcessorOptionsResolver.<List<String>>pick(processor, props.getFilterPatterns(),
					"filter-patterns", annotated ? annotation.filterPatterns() : List.of(), "filterPatterns", annotation)
				.require((patterns) -> patterns.size() <= MAX_FILTER_PATTERNS,
						"An event source mapping accepts at most " + MAX_FILTER_PATTERNS + " filter patterns.")
				.require((patterns) -> patterns.stream().allMatch(FilterPatternSyntax::isJsonObject),
						"Each filter pattern must be a JSON object, such as {\"eventName\": [\"INSERT\"]}.")
				.value())
			.sendsTo(sendsTo(processor, props, annotation))
			.build();
	}

	private List<SqsQueueDescriptor> sendsTo(String processor, TributaryProperties.Processor props,
			@Nullable AnnotatedOptions annotation) {
		BoundValue<List<String>> ids = pick(processor, props.getSendsTo(), "sends-to",
				(annotation != null) ? annotation.sendsTo() : List.of(), "sendsTo", annotation);
		return ids.value()
			.stream()
			.distinct()
			.map((id) -> this.queues.resolve(new BoundValue<>(id, ids.source())))
			.toList();
	}

	private @Nullable Duration maxRecordAge(String processor, TributaryProperties.Processor props,
			@Nullable AnnotatedOptions annotation) {
		Duration fromAnnotation = (annotation != null && StringUtils.hasText(annotation.maxRecordAge()))
				? duration(processor, annotation, "maxRecordAge", annotation.maxRecordAge()) : null;
		Duration value = (props.getMaxRecordAge() != null) ? props.getMaxRecordAge() : fromAnnotation;
		if (value == null || value.equals(Duration.ofSeconds(-1))) {
			return null;
		}
		String source = (props.getMaxRecordAge() != null || annotation == null)
				? BoundValue.propertyName(processor, "max-record-age") : annotation.describe("maxRecordAge", processor);
		new BoundValue<>(value, source).require(
				(age) -> age.compareTo(MIN_RECORD_AGE) >= 0 && age.compareTo(MAX_RECORD_AGE) <= 0,
				"The maximum record age must be between 60 seconds and 7 days (604800 seconds), or unset for no limit.");
		return value;
	}

	private static Duration duration(String processor, AnnotatedOptions annotation, String attribute, String text) {
		try {
			return DurationStyle.detectAndParse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidProcessorBindingException(annotation.describe(attribute, processor), text,
					"It is not a duration. Use a value such as \"500ms\", \"30s\", \"5m\" or \"PT1M\".",
					"Change the annotation attribute to a valid duration.");
		}
	}

	private static <V> BoundValue<V> pick(String processor, @Nullable V property, String propertyName,
			V annotationValue, String attribute, @Nullable AnnotatedOptions annotation) {
		return BoundValue.pick(processor, property, propertyName, annotationValue, attribute,
				(annotation != null) ? annotation.annotation() : null);
	}

}
