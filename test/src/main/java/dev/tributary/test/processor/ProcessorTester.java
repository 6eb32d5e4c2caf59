package dev.tributary.test.processor;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisRecord;
import dev.tributary.ProcessorDefinition;
import dev.tributary.SqsMessage;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamRecord;
import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.kinesis.KinesisEventCodec;
import dev.tributary.lambda.StreamProcessorLambdaFunction;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.sqs.SqsEventCodec;
import dev.tributary.test.event.LambdaEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.Assert;

/**
 * Runs a processor over one Lambda event exactly as AWS Lambda runs it: through Tributary's own
 * {@link StreamProcessorLambdaFunction} (the function Lambda's handler calls), its event codec
 * and the batch core, so the {@link BatchResult} holds the very {@code batchItemFailures} Lambda
 * would get back, and what Lambda would then count as processed or retry.
 * <p>
 * In an application context, take the processors from the {@link StreamProcessorRegistry}
 * ({@link #of(StreamProcessorRegistry)}, or {@code @AutoConfigureProcessorTester} for a bean):
 * each runs with its binding, element type and mapper as discovered. A processor function on its
 * own runs with {@link #forDynamoDb}, {@link #forKinesis} or {@link #forSqs}.
 * <pre class="code">
 * BatchResult result = processors.invoke("logItems", DynamoDbEvents.forTable("Items").insert(item).build());
 * assertThat(result).hasNoBatchItemFailures();
 * </pre>
 * An event the function cannot take at all (not JSON, another source's event) fails the
 * invocation in Lambda; here {@code invoke} throws the same exception.
 *
 * @author Tributary
 */
public final class ProcessorTester {

	/** Lambda's default {@code tributary.lambda.deadline-margin}. */
	private static final Duration DEFAULT_DEADLINE_MARGIN = Duration.ofSeconds(1);

	private final StreamProcessorRegistry processors;

	private final Duration deadlineMargin;

	private ProcessorTester(StreamProcessorRegistry processors, Duration deadlineMargin) {
		this.processors = processors;
		this.deadlineMargin = deadlineMargin;
	}

	/**
	 * A tester for the processors of an application.
	 * @param registry the application's processors
	 * @return the tester
	 */
	public static ProcessorTester of(StreamProcessorRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		return new ProcessorTester(registry, DEFAULT_DEADLINE_MARGIN);
	}

	/**
	 * A tester for processors as discovered (or defined by hand).
	 * @param processors the processors
	 * @return the tester
	 */
	public static ProcessorTester of(List<? extends ProcessorDefinition<?>> processors) {
		Assert.notNull(processors, "'processors' must not be null");
		return of(new DefaultStreamProcessorRegistry(processors));
	}

	/**
	 * A tester for one DynamoDB Streams processor function, outside an application context. It
	 * sees the images of a {@code NEW_AND_OLD_IMAGES} stream; {@code T} must declare its key
	 * with {@code @DynamoDbPartitionKey}.
	 * @param <T> the image type
	 * @param type the image type
	 * @param processor the processor
	 * @return the tester
	 */
	public static <T> ProcessorTester forDynamoDb(Class<T> type,
			Function<Flux<StreamRecord<T>>, Mono<Void>> processor) {
		return single(StandaloneDefinitions.dynamoDb(ResolvableType.forClass(type), processor));
	}

	/**
	 * A tester for one Kinesis processor function, outside an application context.
	 * @param <T> the payload type
	 * @param type the payload type
	 * @param processor the processor
	 * @return the tester
	 */
	public static <T> ProcessorTester forKinesis(Class<T> type,
			Function<Flux<KinesisRecord<T>>, Mono<Void>> processor) {
		return single(StandaloneDefinitions.kinesis(ResolvableType.forClass(type), processor));
	}

	/**
	 * A tester for one SQS processor function, outside an application context.
	 * @param <T> the body type
	 * @param type the body type
	 * @param processor the processor
	 * @return the tester
	 */
	public static <T> ProcessorTester forSqs(Class<T> type, Function<Flux<SqsMessage<T>>, Mono<Void>> processor) {
		return single(StandaloneDefinitions.sqs(ResolvableType.forClass(type), processor));
	}

	private static ProcessorTester single(ProcessorDefinition<?> processor) {
		return of(List.of(processor));
	}

	/**
	 * The same tester with another deadline margin: how long before the invocation's timeout the
	 * function stops handing out records ({@code tributary.lambda.deadline-margin}, 1 s unless
	 * set).
	 * @param deadlineMargin the margin
	 * @return a new tester
	 */
	public ProcessorTester withDeadlineMargin(Duration deadlineMargin) {
		Assert.notNull(deadlineMargin, "'deadlineMargin' must not be null");
		return new ProcessorTester(this.processors, deadlineMargin);
	}

	/**
	 * Run the only processor over an event, with no invocation deadline.
	 * @param event the event
	 * @return what Lambda gets back
	 */
	public BatchResult invoke(LambdaEvent event) {
		List<ProcessorDefinition<?>> all = this.processors.getProcessors();
		Assert.state(all.size() == 1, () -> "There are " + all.size() + " processors " + names() + "; name the one "
				+ "to invoke");
		return invoke(all.get(0).name(), event);
	}

	/**
	 * Run a processor over an event, with no invocation deadline.
	 * @param processorName the processor's (bean) name
	 * @param event the event
	 * @return what Lambda gets back
	 */
	public BatchResult invoke(String processorName, LambdaEvent event) {
		return invoke(processorName, event, null);
	}

	/**
	 * Run a processor over an event whose invocation times out after {@code remainingTime}, as
	 * the Lambda context tells the function.
	 * @param processorName the processor's (bean) name
	 * @param event the event
	 * @param remainingTime the time left before the invocation times out, or {@code null} for
	 * none
	 * @return what Lambda gets back
	 */
	public BatchResult invoke(String processorName, LambdaEvent event, @Nullable Duration remainingTime) {
		Assert.notNull(event, "'event' must not be null");
		ProcessorDefinition<?> processor = this.processors.getProcessor(processorName)
			.orElseThrow(() -> new IllegalArgumentException("No processor named '" + processorName + "'; there are "
					+ names()));
		byte[] bytes = event.bytes();
		MessageBuilder<InputStream> message = MessageBuilder.withPayload(new ByteArrayInputStream(bytes));
		if (remainingTime != null) {
			message.setHeader(StreamProcessorLambdaFunction.AWS_CONTEXT_HEADER,
					new LambdaTestContext(processorName, (int) remainingTime.toMillis()));
		}
		byte[] response = functionFor(processor).apply(message.build());
		return new BatchResult(processorName, EventItems.itemIdentifiers(processor, bytes),
				new String(response, StandardCharsets.UTF_8));
	}

	private List<String> names() {
		return this.processors.getProcessors().stream().map(ProcessorDefinition::name).toList();
	}

	private StreamProcessorLambdaFunction<?> functionFor(ProcessorDefinition<?> processor) {
		Clock clock = Clock.systemUTC();
		if (processor instanceof StreamProcessorDefinition<?> dynamoDb) {
			return StreamProcessorLambdaFunction.forDynamoDb(dynamoDb, new DynamoDbEventCodec(), this.deadlineMargin,
					clock);
		}
		if (processor instanceof KinesisProcessorDefinition<?> kinesis) {
			return StreamProcessorLambdaFunction.forKinesis(kinesis, new KinesisEventCodec(), this.deadlineMargin,
					clock);
		}
		if (processor instanceof SqsProcessorDefinition<?> sqs) {
			return StreamProcessorLambdaFunction.forSqs(sqs, new SqsEventCodec(), this.deadlineMargin, clock);
		}
		throw new IllegalArgumentException("Processor '" + processor.name() + "' reads "
				+ processor.binding().describe() + ", which has no Lambda event reader");
	}

}
