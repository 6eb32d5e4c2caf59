package dev.tributary.autoconfigure;

import java.util.Arrays;
import java.util.List;

import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.KinesisStreamProcessor;
import dev.tributary.ProcessorOptions;
import dev.tributary.SqsQueueProcessor;

/**
 * The common options as a source's binding annotation declares them, before the
 * {@code tributary.processors.<name>.*} properties are merged in. Each source's annotation
 * has the same attributes for them; this type lets one {@link ProcessorOptionsResolver} read
 * them whatever the annotation.
 *
 * @param annotation the annotation's simple name, for messages ({@code DynamoDbStreamProcessor})
 * @param batchSize the {@code batchSize} attribute
 * @param maxBatchingWindow the {@code maxBatchingWindow} attribute, as written
 * @param maxRetryAttempts the {@code maxRetryAttempts} attribute
 * @param maxRecordAge the {@code maxRecordAge} attribute, as written (empty for no limit)
 * @param bisectOnError the {@code bisectOnError} attribute
 * @param parallelizationFactor the {@code parallelizationFactor} attribute
 * @param onFailure the {@code onFailure} attribute (empty for none)
 * @param filterPatterns the {@code filterPatterns} attribute
 * @param sendsTo the {@code sendsTo} attribute
 * @author Tributary
 */
record AnnotatedOptions(String annotation, int batchSize, String maxBatchingWindow, int maxRetryAttempts,
		String maxRecordAge, boolean bisectOnError, int parallelizationFactor, String onFailure,
		List<String> filterPatterns, List<String> sendsTo) {

	static AnnotatedOptions of(DynamoDbStreamProcessor annotation) {
		return new AnnotatedOptions(DynamoDbStreamProcessor.class.getSimpleName(), annotation.batchSize(),
				annotation.maxBatchingWindow(), annotation.maxRetryAttempts(), annotation.maxRecordAge(),
				annotation.bisectOnError(), annotation.parallelizationFactor(), annotation.onFailure(),
				Arrays.asList(annotation.filterPatterns()), Arrays.asList(annotation.sendsTo()));
	}

	static AnnotatedOptions of(KinesisStreamProcessor annotation) {
		return new AnnotatedOptions(KinesisStreamProcessor.class.getSimpleName(), annotation.batchSize(),
				annotation.maxBatchingWindow(), annotation.maxRetryAttempts(), annotation.maxRecordAge(),
				annotation.bisectOnError(), annotation.parallelizationFactor(), annotation.onFailure(),
				Arrays.asList(annotation.filterPatterns()), Arrays.asList(annotation.sendsTo()));
	}

	static AnnotatedOptions of(SqsQueueProcessor annotation) {
		return new AnnotatedOptions(SqsQueueProcessor.class.getSimpleName(), annotation.batchSize(),
				annotation.maxBatchingWindow(), ProcessorOptions.UNLIMITED, "", false, 1, "",
				Arrays.asList(annotation.filterPatterns()), Arrays.asList(annotation.sendsTo()));
	}

	/**
	 * How a message names one of this annotation's attributes on a bean.
	 * @param attribute the attribute
	 * @param processor the processor's bean name
	 * @return the description, such as {@code @DynamoDbStreamProcessor(batchSize) on bean 'audit'}
	 */
	String describe(String attribute, String processor) {
		return "@" + this.annotation + "(" + attribute + ") on bean '" + processor + "'";
	}

}
