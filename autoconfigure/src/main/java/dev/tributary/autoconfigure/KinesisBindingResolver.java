package dev.tributary.autoconfigure;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamOptions;
import dev.tributary.KinesisStreamProcessor;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Resolves a Kinesis processor's binding: the stream and the {@link KinesisStreamOptions}
 * (starting position and its timestamp) from its {@link KinesisStreamProcessor} annotation,
 * the stream and the starting position overridable by {@code tributary.processors.<name>.stream}
 * and {@code .starting-position}.
 * The common options are the {@link ProcessorOptionsResolver}'s, annotation and properties
 * merged as for every source.
 *
 * @author Tributary
 */
class KinesisBindingResolver {

	private static final String ANNOTATION = KinesisStreamProcessor.class.getSimpleName();

	private final ProcessorOptionsResolver optionsResolver;

	/**
	 * Create a resolver.
	 * @param queues resolves the queues processors send to
	 */
	KinesisBindingResolver(SqsQueueResolver queues) {
		this.optionsResolver = new ProcessorOptionsResolver(queues);
	}

	/**
	 * A resolved Kinesis binding with the processor's common options.
	 *
	 * @param binding the stream and its options
	 * @param options the common options
	 */
	record Resolved(KinesisStreamBinding binding, ProcessorOptions options) {

	}

	Resolved resolve(String processor, @Nullable KinesisStreamProcessor annotation,
			TributaryProperties.@Nullable Processor properties, KinesisStreamResolver streams) {
		if (annotation == null && properties == null) {
			throw new InvalidProcessorBindingException("bean '" + processor + "'", "(no binding)",
					"The bean is a Function<Flux<KinesisRecord<T>>, Mono<Void>> but is not bound to a stream.",
					"Annotate its @Bean method with @KinesisStreamProcessor(stream = \"...\"), or set "
							+ BoundValue.propertyName(processor, "stream") + ".");
		}
		String annotationName = (annotation != null) ? ANNOTATION : null;
		TributaryProperties.Processor props = (properties != null) ? properties : new TributaryProperties.Processor();
		rejectDynamoDbSetting(processor, "table", props.getTable());
		rejectDynamoDbSetting(processor, "view-type", props.getViewType());
		BoundValue<String> streamId = BoundValue
			.pick(processor, props.getStream(), "stream", (annotation != null) ? annotation.stream() : "", "stream",
					annotationName)
			.require(StringUtils::hasText, "A Kinesis processor must name the stream (its id or ARN) that feeds it.");
		KinesisStreamDescriptor stream = streams.resolve(streamId);
		BoundValue<StartingPosition> position = BoundValue.pick(processor, props.getStartingPosition(),
				"starting-position", (annotation != null) ? annotation.startingPosition() : StartingPosition.LATEST,
				"startingPosition", annotationName);
		Instant timestamp = timestamp(BoundValue.pick(processor, props.getStartingPositionTimestamp(),
				"starting-position-timestamp", (annotation != null) ? annotation.startingPositionTimestamp() : "",
				"startingPositionTimestamp", annotationName), position);
		ProcessorOptions options = this.optionsResolver.resolve(processor,
				(annotation != null) ? AnnotatedOptions.of(annotation) : null, props);
		return new Resolved(new KinesisStreamBinding(stream, new KinesisStreamOptions(position.value(), timestamp)),
				options);
	}

	private static void rejectDynamoDbSetting(String processor, String property, @Nullable Object value) {
		if (value != null) {
			String name = BoundValue.propertyName(processor, property);
			throw new InvalidProcessorBindingException(name, String.valueOf(value),
					"It is a DynamoDB Streams setting, and '" + processor + "' is a Kinesis processor.",
					"Remove " + name + "; a Kinesis processor reads the stream named by @KinesisStreamProcessor(stream) "
							+ "or " + BoundValue.propertyName(processor, "stream") + ".");
		}
	}

	private static @Nullable Instant timestamp(BoundValue<String> timestamp, BoundValue<StartingPosition> position) {
		String source = timestamp.source();
		String text = timestamp.value();
		if (position.value() != StartingPosition.AT_TIMESTAMP) {
			if (StringUtils.hasText(text)) {
				throw new InvalidProcessorBindingException(source, text,
						"A timestamp is only used with the starting position AT_TIMESTAMP, and " + position.source()
								+ " is " + position.value() + ".",
						"Remove " + source + ", or set the starting position to AT_TIMESTAMP.");
			}
			return null;
		}
		if (!StringUtils.hasText(text)) {
			throw new InvalidProcessorBindingException(source, "(empty)",
					"The starting position AT_TIMESTAMP (from " + position.source()
							+ ") needs the point in time to start reading from.",
					"Set " + source + " to an ISO-8601 instant such as \"2026-01-31T12:00:00Z\".");
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidProcessorBindingException(source, text, "It is not an ISO-8601 instant.",
					"Change it to a value such as \"2026-01-31T12:00:00Z\".");
		}
	}

}
