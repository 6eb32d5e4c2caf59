package dev.tributary.deploy.lambda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.tributary.ProcessorOptions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FilterCriteria;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;

import org.springframework.util.Assert;

/**
 * The settings of an event source mapping that can change in place, as comparable text per
 * field: read from a mapping on AWS, or derived from a processor's options. Lambda's defaults
 * stand in for fields a mapping does not report.
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
	 * The settings of a mapping on AWS.
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
		List<String> patterns = (mapping.filterCriteria() != null)
				? mapping.filterCriteria().filters().stream().map(Filter::pattern).toList() : List.of();
		fields.put(FILTERS, patterns.toString());
		DestinationConfig destination = mapping.destinationConfig();
		String onFailure = (destination != null && destination.onFailure() != null
				&& destination.onFailure().destination() != null && !destination.onFailure().destination().isEmpty())
						? destination.onFailure().destination() : NONE;
		fields.put(ON_FAILURE, onFailure);
		return new MappingSettings(fields);
	}

	/**
	 * Set the fields that differ from {@code current} on an update request.
	 * @param current the mapping's current settings
	 * @param options the processor's options
	 * @param onFailureArn the on-failure queue ARN, or {@code null}
	 * @param request the request to fill
	 */
	void applyDifferences(MappingSettings current, ProcessorOptions options, @Nullable String onFailureArn,
			UpdateEventSourceMappingRequest.Builder request) {
		Function<String, Boolean> differs = (field) -> !this.fields.get(field).equals(current.fields.get(field));
		if (differs.apply(BATCH_SIZE)) {
			request.batchSize(options.batchSize());
		}
		if (differs.apply(BATCHING_WINDOW)) {
			request.maximumBatchingWindowInSeconds((int) options.maxBatchingWindow().toSeconds());
		}
		if (differs.apply(RETRY_ATTEMPTS)) {
			request.maximumRetryAttempts(options.maxRetryAttempts());
		}
		if (differs.apply(RECORD_AGE)) {
			request.maximumRecordAgeInSeconds(options.maxRecordAge().map((age) -> (int) age.toSeconds()).orElse(-1));
		}
		if (differs.apply(BISECT)) {
			request.bisectBatchOnFunctionError(options.bisectOnError());
		}
		if (differs.apply(PARALLELIZATION)) {
			request.parallelizationFactor(options.parallelizationFactor());
		}
		if (differs.apply(RESPONSE_TYPES)) {
			request.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
		}
		if (differs.apply(FILTERS)) {
			request.filterCriteria(filterCriteria(options));
		}
		if (differs.apply(ON_FAILURE)) {
			request.destinationConfig(destinationConfig(onFailureArn));
		}
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
