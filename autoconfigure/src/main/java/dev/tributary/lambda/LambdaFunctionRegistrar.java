package dev.tributary.lambda;

import java.io.InputStream;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.ProcessorDefinition;
import dev.tributary.S3ProcessorDefinition;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.kinesis.KinesisEventCodec;
import dev.tributary.s3.S3EventCodec;
import dev.tributary.sqs.SqsEventCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.FunctionRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.util.Assert;

/**
 * Registers, for every stream processor, a {@link StreamProcessorLambdaFunction} in Spring Cloud
 * Function's {@link FunctionRegistry} under the name
 * {@link LambdaHandlers#functionDefinitionFor(String)} gives: the processor's bean name.
 * <p>
 * Why this works without touching the user's bean: the catalog resolves a definition from its
 * explicit registrations first and only then falls back to beans of that name, the same route
 * Spring Cloud Function's own {@code functionRouter} registration takes. Registration happens
 * once all singletons exist, before {@code FunctionInvoker} looks its function up.
 *
 * @author Tributary
 */
public final class LambdaFunctionRegistrar implements SmartInitializingSingleton {

	/** Type of the registered functions, as the adapter needs to see it. */
	static final Type FUNCTION_TYPE = ResolvableType
		.forClassWithGenerics(Function.class, ResolvableType.forClassWithGenerics(Message.class, InputStream.class),
				ResolvableType.forClass(byte[].class))
		.getType();

	private static final Log logger = LogFactory.getLog(LambdaFunctionRegistrar.class);

	private final StreamProcessorRegistry processors;

	private final FunctionRegistry functionRegistry;

	private final DynamoDbEventCodec codec;

	private final KinesisEventCodec kinesisCodec;

	private final SqsEventCodec sqsCodec = new SqsEventCodec();

	private final S3EventCodec s3Codec = new S3EventCodec();

	private final Duration deadlineMargin;

	private final Clock clock;

	/**
	 * Create a registrar.
	 * @param processors the application's processors
	 * @param functionRegistry Spring Cloud Function's registry
	 * @param codec reads DynamoDB Streams events
	 * @param deadlineMargin how long before the invocation's timeout to stop handing out records
	 * @param clock the clock deadlines are measured with
	 */
	public LambdaFunctionRegistrar(StreamProcessorRegistry processors, FunctionRegistry functionRegistry,
			DynamoDbEventCodec codec, Duration deadlineMargin, Clock clock) {
		this(processors, functionRegistry, codec, new KinesisEventCodec(), deadlineMargin, clock);
	}

	/**
	 * Create a registrar.
	 * @param processors the application's processors
	 * @param functionRegistry Spring Cloud Function's registry
	 * @param codec reads DynamoDB Streams events
	 * @param kinesisCodec reads Kinesis events
	 * @param deadlineMargin how long before the invocation's timeout to stop handing out records
	 * @param clock the clock deadlines are measured with
	 */
	public LambdaFunctionRegistrar(StreamProcessorRegistry processors, FunctionRegistry functionRegistry,
			DynamoDbEventCodec codec, KinesisEventCodec kinesisCodec, Duration deadlineMargin, Clock clock) {
		Assert.notNull(kinesisCodec, "'kinesisCodec' must not be null");
		this.kinesisCodec = kinesisCodec;
		Assert.notNull(processors, "'processors' must not be null");
		Assert.notNull(functionRegistry, "'functionRegistry' must not be null");
		Assert.notNull(codec, "'codec' must not be null");
		Assert.notNull(deadlineMargin, "'deadlineMargin' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.processors = processors;
		this.functionRegistry = functionRegistry;
		this.codec = codec;
		this.deadlineMargin = deadlineMargin;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (ProcessorDefinition<?> processor : this.processors.getProcessors()) {
			register(processor.name(), functionFor(processor), processor);
		}
	}

	/**
	 * The Lambda function of a processor, built with its source's event reader: one branch per
	 * source definition type.
	 * @param processor the processor
	 * @return the function Spring Cloud Function's adapter invokes
	 */
	Function<Message<InputStream>, byte[]> functionFor(ProcessorDefinition<?> processor) {
		if (processor instanceof StreamProcessorDefinition<?> dynamoDb) {
			return StreamProcessorLambdaFunction.forDynamoDb(dynamoDb, this.codec, this.deadlineMargin, this.clock);
		}
		if (processor instanceof KinesisProcessorDefinition<?> kinesis) {
			return StreamProcessorLambdaFunction.forKinesis(kinesis, this.kinesisCodec, this.deadlineMargin,
					this.clock);
		}
		if (processor instanceof SqsProcessorDefinition<?> sqs) {
			return StreamProcessorLambdaFunction.forSqs(sqs, this.sqsCodec, this.deadlineMargin, this.clock);
		}
		if (processor instanceof S3ProcessorDefinition s3) {
			return StreamProcessorLambdaFunction.forS3(s3, this.sqsCodec, this.s3Codec, this.deadlineMargin, this.clock);
		}
		throw new IllegalStateException("No Lambda event reader for processor '" + processor.name() + "' of "
				+ processor.binding().describe());
	}

	private void register(String processorName, Function<Message<InputStream>, byte[]> function, Object processor) {
		String name = LambdaHandlers.functionDefinitionFor(processorName);
		this.functionRegistry.register(new FunctionRegistration<>(function, name).type(FUNCTION_TYPE));
		if (logger.isDebugEnabled()) {
			logger.debug("Registered Lambda function '" + name + "' for processor " + processor);
		}
	}

}
