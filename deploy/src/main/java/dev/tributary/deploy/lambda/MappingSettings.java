package dev.tributary.deploy.lambda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import dev.tributary.ProcessorOptions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FilterCriteria;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.ScalingConfig;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;

import org.springframework.util.Assert;

/**
 * The settings of an event source mapping that can change in place, as comparable text per
 * field: read from a mapping on AWS, or derived from a processor's options. Lambda's defaults
 * stand in for fields a mapping does not report. A stream's mapping and a queue's have different
 * fields: a queue's has no retries, record age, bisection, parallelization or on-failure
 * destination (Lambda rejects them for SQS), and has a maximum concurrency instead.
 *
 * @param fields the settings by API field name
 * @author Tributary
 */
public record MappingSettings(Map<String, String> fields) {

	static final String BATCH_SIZE = "BatchSize";

	static final String BATCHING_WINDOW = "MaximumBatchingWindowInSeconds";

	static final String RETRY_ATTEMPTS = "MaximumRetryAttempts";

	static final String RECORD_AGE = "MaximumRecordAgeInSeconds";

	static final String BISECT = "BisectBatchOnFunctionError";

	static final String PARALLELIZATION = "ParallelizationFactor";

	static final String RESPONSE_TYPES = "FunctionResponseTypes";

	static final String FILTERS = "FilterCriteria";

	static final String ON_FAILURE = "OnFailureDestination";

	static final String MAXIMUM_CONCURRENCY = "MaximumConcurrency";

	/** Lambda's default batch size for an SQS mapping. */
	static final int QUEUE_BATCH_SIZE = 10;

	private static final String NONE = "(none)";

	public MappingSettings {
		Assert.notNull(fields, "'fields' must not be null");
		fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/**
	 * The settings a processor's options ask for.
	 * @param options the options
	 * @param onFailureArn the resolved on-failure queue ARN, or {@code null}
	 * @return the settings
	 */
	public static MappingSettings desired(ProcessorOptions options, @Nullable String onFailureArn) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(BATCH_SIZE, String.valueOf(options.batchSize()));
		fields.put(BATCHING_WINDOW, String.valueOf(options.maxBatchingWindow().toSeconds()));
		fields.put(RETRY_ATTEMPTS, String.valueOf(options.maxRetryAttempts()));
		fields.put(RECORD_AGE, String.valueOf(options.maxRecordAge().map((age) -> age.toSeconds()).orElse(-1L)));
		fields.put(BISECT, String.valueOf(options.bisectOnError()));
		fields.put(PARALLELIZATION, String.valueOf(options.parallelizationFactor()));
		fields.put(RESPONSE_TYPES, List.of(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES.toString()).toString());
		fields.put(FILTERS, options.filterPatterns().toString());
		fields.put(ON_FAILURE, (onFailureArn != null) ? onFailureArn : NONE);
		return new MappingSettings(fields);
	}

	/**
	 * The settings an SQS processor's options ask for.
	 * @param options the common options (of which a queue takes batch size, window and filters)
	 * @param maximumConcurrency the mapping's maximum concurrency, or {@code null} for Lambda's
	 * default
	 * @return the settings
	 */
	public static MappingSettings desiredForQueue(ProcessorOptions options, @Nullable Integer maximumConcurrency) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(BATCH_SIZE, String.valueOf(options.batchSize()));
		fields.put(BATCHING_WINDOW, String.valueOf(options.maxBatchingWindow().toSeconds()));
		fields.put(RESPONSE_TYPES, List.of(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES.toString()).toString());
		fields.put(FILTERS, options.filterPatterns().toString());
		fields.put(MAXIMUM_CONCURRENCY, (maximumConcurrency != null) ? maximumConcurrency.toString() : NONE);
		return new MappingSettings(fields);
	}

	/**
	 * The settings of an SQS mapping on AWS.
	 * @param mapping the mapping
	 * @return the settings
	 */
	public static MappingSettings ofQueue(EventSourceMappingConfiguration mapping) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(BATCH_SIZE, valueOr(mapping.batchSize(), QUEUE_BATCH_SIZE));
		fields.put(BATCHING_WINDOW, valueOr(mapping.maximumBatchingWindowInSeconds(), 0));
		fields.put(RESPONSE_TYPES, mapping.functionResponseTypesAsStrings().toString());
		fields.put(FILTERS, patterns(mapping).toString());
		ScalingConfig scaling = mapping.scalingConfig();
		fields.put(MAXIMUM_CONCURRENCY,
				(scaling != null && scaling.maximumConcurrency() != null) ? scaling.maximumConcurrency().toString() : NONE);
		return new MappingSettings(fields);
	}

	/**
	 * The settings of a stream's mapping on AWS.
	 * @param mapping the mapping
	 * @return the settings
	 */
	public static MappingSettings of(EventSourceMappingConfiguration mapping) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(BATCH_SIZE, valueOr(mapping.batchSize(), ProcessorOptions.DEFAULT_BATCH_SIZE));
		fields.put(BATCHING_WINDOW, valueOr(mapping.maximumBatchingWindowInSeconds(), 0));
		fields.put(RETRY_ATTEMPTS, valueOr(mapping.maximumRetryAttempts(), -1));
		fields.put(RECORD_AGE, valueOr(mapping.maximumRecordAgeInSeconds(), -1));
		fields.put(BISECT, valueOr(mapping.bisectBatchOnFunctionError(), false));
		fields.put(PARALLELIZATION, valueOr(mapping.parallelizationFactor(), 1));
		fields.put(RESPONSE_TYPES, mapping.functionResponseTypesAsStrings().toString());
		fields.put(FILTERS, patterns(mapping).toString());
		DestinationConfig destination = mapping.destinationConfig();
		String onFailure = (destination != null && destination.onFailure() != null
				&& destination.onFailure().destination() != null && !destination.onFailure().destination().isEmpty())
						? destination.onFailure().destination() : NONE;
		fields.put(ON_FAILURE, onFailure);
		return new MappingSettings(fields);
	}

	/**
	 * Whether a mapping with {@code current} settings differs from these in a field these have.
	 * @param current the mapping's current settings
	 * @return whether an update is needed
	 */
	boolean differsFrom(MappingSettings current) {
		return this.fields.keySet()
			.stream()
			.anyMatch((field) -> !Objects.equals(this.fields.get(field), current.fields.get(field)));
	}

	/**
	 * Set the fields that differ from {@code current} on an update request; only the fields
	 * these settings have (a queue's mapping is never sent a stream setting).
	 * @param current the mapping's current settings
	 * @param options the processor's options
	 * @param onFailureArn the on-failure queue ARN, or {@code null}
	 * @param maximumConcurrency a queue mapping's maximum concurrency, or {@code null}
	 * @param request the request to fill
	 */
	void applyDifferences(MappingSettings current, ProcessorOptions options, @Nullable String onFailureArn,
			@Nullable Integer maximumConcurrency, UpdateEventSourceMappingRequest.Builder request) {
		Predicate<String> differs = (field) -> this.fields.containsKey(field)
				&& !Objects.equals(this.fields.get(field), current.fields.get(field));
		if (differs.test(BATCH_SIZE)) {
			request.batchSize(options.batchSize());
		}
		if (differs.test(BATCHING_WINDOW)) {
			request.maximumBatchingWindowInSeconds((int) options.maxBatchingWindow().toSeconds());
		}
		if (differs.test(RETRY_ATTEMPTS)) {
			request.maximumRetryAttempts(options.maxRetryAttempts());
		}
		if (differs.test(RECORD_AGE)) {
			request.maximumRecordAgeInSeconds(options.maxRecordAge().map((age) -> (int) age.toSeconds()).orElse(-1));
		}
		if (differs.test(BISECT)) {
			request.bisectBatchOnFunctionError(options.bisectOnError());
		}
		if (differs.test(PARALLELIZATION)) {
			request.parallelizationFactor(options.parallelizationFactor());
		}
		if (differs.test(RESPONSE_TYPES)) {
			request.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
		}
		if (differs.test(FILTERS)) {
			request.filterCriteria(filterCriteria(options));
		}
		if (differs.test(ON_FAILURE)) {
			request.destinationConfig(destinationConfig(onFailureArn));
		}
		if (differs.test(MAXIMUM_CONCURRENCY)) {
			request.scalingConfig(scalingConfig(maximumConcurrency));
		}
	}

	static ScalingConfig scalingConfig(@Nullable Integer maximumConcurrency) {
		// An empty scaling config is how Lambda's API removes the limit.
		return (maximumConcurrency != null) ? ScalingConfig.builder().maximumConcurrency(maximumConcurrency).build()
				: ScalingConfig.builder().build();
	}

	private static List<String> patterns(EventSourceMappingConfiguration mapping) {
		return (mapping.filterCriteria() != null)
				? mapping.filterCriteria().filters().stream().map(Filter::pattern).toList() : List.of();
	}

	static FilterCriteria filterCriteria(ProcessorOptions options) {
		return FilterCriteria.builder()
			.filters(options.filterPatterns().stream().map((pattern) -> Filter.builder().pattern(pattern).build()).toList())
			.build();
	}

	static DestinationConfig destinationConfig(@Nullable String onFailureArn) {
		// An empty destination is how Lambda's API removes one.
		return DestinationConfig.builder()
			.onFailure((onFailure) -> onFailure.destination((onFailureArn != null) ? onFailureArn : ""))
			.build();
	}

	private static String valueOr(@Nullable Object value, Object fallback) {
		return String.valueOf((value != null) ? value : fallback);
	}

}
