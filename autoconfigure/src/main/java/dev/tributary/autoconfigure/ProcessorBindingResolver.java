package dev.tributary.autoconfigure;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamViewType;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Resolves a processor's binding to a DynamoDB table's stream: the table and the
 * {@link DynamoDbStreamOptions} (view type, starting position) from its
 * {@link DynamoDbStreamProcessor} annotation and {@code tributary.processors.<name>.*}
 * properties (properties win), validated against what Lambda's event source mapping accepts
 * for DynamoDB streams. The common options are the {@link ProcessorOptionsResolver}'s.
 *
 * @author Tributary
 */
class ProcessorBindingResolver {

	private static final String ANNOTATION = DynamoDbStreamProcessor.class.getSimpleName();

	private final ProcessorOptionsResolver optionsResolver;

	/**
	 * Create a resolver.
	 * @param queues resolves the queues processors send to
	 */
	ProcessorBindingResolver(SqsQueueResolver queues) {
		this.optionsResolver = new ProcessorOptionsResolver(queues);
	}

	ProcessorBinding resolve(String processor, @Nullable DynamoDbStreamProcessor annotation,
			TributaryProperties.@Nullable Processor properties) {
		if (annotation == null && properties == null) {
			throw new InvalidProcessorBindingException("bean '" + processor + "'", "(no binding)",
					"The bean is a Function<Flux<StreamRecord<T>>, Mono<Void>> but is not bound to a table.",
					"Annotate its @Bean method with @DynamoDbStreamProcessor(table = \"...\"), or set "
							+ BoundValue.propertyName(processor, "table") + ".");
		}
		boolean annotated = annotation != null;
		TributaryProperties.Processor props = (properties != null) ? properties : new TributaryProperties.Processor();
		rejectKinesisSetting(processor, "stream", props.getStream());
		rejectKinesisSetting(processor, "starting-position-timestamp", props.getStartingPositionTimestamp());
		BoundValue<String> table = pick(processor, props.getTable(), "table",
				annotated ? annotation.table() : "", "table", annotated)
			.require(StringUtils::hasText, "A processor must name the table whose stream feeds it.");
		DynamoDbStreamOptions stream = new DynamoDbStreamOptions(
				pick(processor, props.getViewType(), "view-type",
						annotated ? annotation.viewType() : StreamViewType.KEYS_ONLY, "viewType", annotated)
					.value(),
				startingPosition(processor, props, annotation));
		ProcessorOptions options = this.optionsResolver.resolve(processor,
				annotated ? AnnotatedOptions.of(annotation) : null, props);
		return new ProcessorBinding(processor, table, stream, options);
	}

	private StartingPosition startingPosition(String processor, TributaryProperties.Processor props,
			@Nullable DynamoDbStreamProcessor annotation) {
		return pick(processor, props.getStartingPosition(), "starting-position",
				(annotation != null) ? annotation.startingPosition() : StartingPosition.LATEST, "startingPosition",
				annotation != null)
			.require((position) -> position != StartingPosition.AT_TIMESTAMP,
					"AT_TIMESTAMP is not a DynamoDB starting position (Kinesis only); use LATEST or TRIM_HORIZON.")
			.value();
	}

	private static <V> BoundValue<V> pick(String processor, @Nullable V property, String propertyName,
			V annotationValue, String attribute, boolean annotated) {
		return BoundValue.pick(processor, property, propertyName, annotationValue, attribute,
				annotated ? ANNOTATION : null);
	}

	private static void rejectKinesisSetting(String processor, String property, @Nullable String value) {
		if (value != null) {
			String name = BoundValue.propertyName(processor, property);
			throw new InvalidProcessorBindingException(name, value,
					"It is a Kinesis setting, and '" + processor + "' is a DynamoDB Streams processor.",
					"Remove " + name + "; a DynamoDB Streams processor reads the stream of the table named by "
							+ "@DynamoDbStreamProcessor(table) or " + BoundValue.propertyName(processor, "table")
							+ ", from LATEST or TRIM_HORIZON.");
		}
	}

}
