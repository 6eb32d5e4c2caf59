package dev.tributary.autoconfigure;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamOptions;
import dev.tributary.KinesisStreamProcessor;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Resolves a Kinesis processor's binding: the stream and the {@link KinesisStreamOptions}
 * (starting position and its timestamp) from its {@link KinesisStreamProcessor} annotation,
 * the starting position overridable by {@code tributary.processors.<name>.starting-position}.
 * The common options are the {@link ProcessorOptionsResolver}'s, annotation and properties
 * merged as for every source.
 *
 * @author Tributary
 */
class KinesisBindingResolver {

	private static final String ANNOTATION = KinesisStreamProcessor.class.getSimpleName();

	private final ProcessorOptionsResolver optionsResolver = new ProcessorOptionsResolver();

	/**
	 * A resolved Kinesis binding with the processor's common options.
	 *
	 * @param binding the stream and its options
	 * @param options the common options
	 */
	record Resolved(KinesisStreamBinding binding, ProcessorOptions options) {

	}

	Resolved resolve(String processor, @Nullable KinesisStreamProcessor annotation,
			TributaryProperties.@Nullable Processor properties) {
		if (annotation == null) {
			throw new InvalidProcessorBindingException("bean '" + processor + "'", "(no binding)",
					"The bean is a Function<Flux<KinesisRecord<T>>, Mono<Void>> but is not bound to a stream.",
					"Annotate its @Bean method with @KinesisStreamProcessor(stream = \"...\").");
		}
		TributaryProperties.Processor props = (properties != null) ? properties : new TributaryProperties.Processor();
		rejectDynamoDbSetting(processor, "table", props.getTable());
		rejectDynamoDbSetting(processor, "view-type", props.getViewType());
		String stream = new BoundValue<>(annotation.stream(), describe("stream", processor))
			.require(StringUtils::hasText, "A Kinesis processor must name the stream (its name or ARN) that feeds it.")
			.value();
		BoundValue<StartingPosition> position = BoundValue.pick(processor, props.getStartingPosition(),
				"starting-position", annotation.startingPosition(), "startingPosition", ANNOTATION);
		Instant timestamp = timestamp(processor, annotation.startingPositionTimestamp(), position);
		ProcessorOptions options = this.optionsResolver.resolve(processor, AnnotatedOptions.of(annotation), props);
		return new Resolved(new KinesisStreamBinding(stream, new KinesisStreamOptions(position.value(), timestamp)),
				options);
	}

	private static void rejectDynamoDbSetting(String processor, String property, @Nullable Object value) {
		if (value != null) {
			String name = BoundValue.propertyName(processor, property);
			throw new InvalidProcessorBindingException(name, String.valueOf(value),
					"It is a DynamoDB Streams setting, and '" + processor + "' is a Kinesis processor.",
					"Remove " + name + "; the stream is named by @KinesisStreamProcessor(stream).");
		}
	}

	private static @Nullable Instant timestamp(String processor, String text, BoundValue<StartingPosition> position) {
		String source = describe("startingPositionTimestamp", processor);
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

	private static String describe(String attribute, String processor) {
		return "@" + ANNOTATION + "(" + attribute + ") on bean '" + processor + "'";
	}

}
