package dev.tributary.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.S3Delivery;
import dev.tributary.S3ProcessorDefinition;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.BatchOutcome;
import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.dynamodb.DynamoDbSourceType;
import dev.tributary.kinesis.KinesisDataRecord;
import dev.tributary.kinesis.KinesisEventCodec;
import dev.tributary.kinesis.KinesisSourceType;
import dev.tributary.lambda.LambdaBatch.Malformed;
import dev.tributary.s3.S3DirectSourceType;
import dev.tributary.s3.S3EventCodec;
import dev.tributary.s3.S3SourceType;
import dev.tributary.sqs.SqsEventCodec;
import dev.tributary.sqs.SqsQueueMessage;
import dev.tributary.sqs.SqsSourceType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.messaging.Message;
import org.springframework.util.Assert;

/**
 * The function Spring Cloud Function's {@code FunctionInvoker} calls for one processor: reads
 * the raw event with the codec of the processor's source, runs the processor on its records
 * through {@link BatchInvoker}, and answers with the batch item failure Lambda should retry
 * from. It knows the source only through its {@link LambdaEventReader} and the invoker's
 * {@link dev.tributary.batch.SourceType}.
 * <p>
 * It never answers past a record nobody processed: a malformed record is reported by its own
 * item identifier once the records before it are processed, and an input it cannot read at all
 * fails the invocation with an exception naming the processor and what the input looks like
 * (for DynamoDB, a {@link DynamoDbStreamEventException}; {@link DynamoDbEventCodec} has the
 * contract).
 * <p>
 * Its input is {@code Message<InputStream>} on purpose: for that type the adapter hands over
 * the request stream untouched (no copy, no JSON tree, no INFO log of the event) and puts the
 * Lambda {@link Context} in the {@code aws-context} header, which gives the deadline.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
public final class StreamProcessorLambdaFunction<R> implements Function<Message<InputStream>, byte[]> {

	/** Message header that carries the Lambda {@link Context} (Spring Cloud Function's {@code AWSLambdaUtils.AWS_CONTEXT}). */
	public static final String AWS_CONTEXT_HEADER = "aws-context";

	private static final Log logger = LogFactory.getLog(StreamProcessorLambdaFunction.class);

	private final String processorName;

	private final BatchInvoker<R, ?> invoker;

	private final LambdaEventReader<R> reader;

	private final Clock clock;

	/**
	 * Create the function for a processor.
	 * @param processorName the processor's name
	 * @param invoker runs the processor on the event's records
	 * @param reader reads the event with the processor's source's codec
	 * @param clock the clock deadlines are measured with
	 */
	public StreamProcessorLambdaFunction(String processorName, BatchInvoker<R, ?> invoker,
			LambdaEventReader<R> reader, Clock clock) {
		Assert.hasText(processorName, "'processorName' must not be empty");
		Assert.notNull(invoker, "'invoker' must not be null");
		Assert.notNull(reader, "'reader' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.processorName = processorName;
		this.invoker = invoker;
		this.reader = reader;
		this.clock = clock;
	}

	/**
	 * Create the function for a processor that reads a table's stream.
	 * @param processor the processor
	 * @param codec reads the event
	 * @param deadlineMargin how long before the invocation's timeout to stop handing out records
	 * @param clock the clock deadlines are measured with
	 * @return the function
	 */
	public static StreamProcessorLambdaFunction<Record> forDynamoDb(StreamProcessorDefinition<?> processor,
			DynamoDbEventCodec codec, Duration deadlineMargin, Clock clock) {
		Assert.notNull(processor, "'processor' must not be null");
		return new StreamProcessorLambdaFunction<>(processor.name(),
				DynamoDbSourceType.invoker(processor, deadlineMargin, clock),
				new DynamoDbEventReader(codec, processor.name()), clock);
	}

	/**
	 * Create the function for a processor that reads a Kinesis stream.
	 * @param processor the processor
	 * @param codec reads the event
	 * @param deadlineMargin how long before the invocation's timeout to stop handing out records
	 * @param clock the clock deadlines are measured with
	 * @return the function
	 */
	public static StreamProcessorLambdaFunction<KinesisDataRecord> forKinesis(KinesisProcessorDefinition<?> processor,
			KinesisEventCodec codec, Duration deadlineMargin, Clock clock) {
		Assert.notNull(processor, "'processor' must not be null");
		return new StreamProcessorLambdaFunction<>(processor.name(),
				KinesisSourceType.invoker(processor, deadlineMargin, clock),
				new KinesisEventReader(codec, processor.name()), clock);
	}

	/**
	 * Create the function for a processor that reads an SQS queue.
	 * @param processor the processor
	 * @param codec reads the event
	 * @param deadlineMargin how long before the invocation's timeout to stop handing out messages
	 * @param clock the clock deadlines are measured with
	 * @return the function
	 */
	public static StreamProcessorLambdaFunction<SqsQueueMessage> forSqs(SqsProcessorDefinition<?> processor,
			SqsEventCodec codec, Duration deadlineMargin, Clock clock) {
		Assert.notNull(processor, "'processor' must not be null");
		return new StreamProcessorLambdaFunction<>(processor.name(), SqsSourceType.invoker(processor, deadlineMargin,
				clock), new SqsEventReader(codec, processor.name()), clock);
	}

	/**
	 * The function of an S3 event processor: through its notification queue, the SQS event
	 * answered by message id with S3's test event skipped; invoked by S3 directly, the S3 event,
	 * whose failure fails the invocation.
	 * @param processor the processor
	 * @param sqsCodec reads SQS events
	 * @param s3Codec reads S3 events and notification bodies
	 * @param deadlineMargin how long before the deadline to stop handing out records
	 * @param clock the clock deadlines are measured with
	 * @return the function
	 */
	public static StreamProcessorLambdaFunction<?> forS3(S3ProcessorDefinition processor, SqsEventCodec sqsCodec,
			S3EventCodec s3Codec, Duration deadlineMargin, Clock clock) {
		Assert.notNull(processor, "'processor' must not be null");
		if (processor.binding().delivery() == S3Delivery.DIRECT) {
			return new StreamProcessorLambdaFunction<>(processor.name(),
					S3DirectSourceType.invoker(processor, deadlineMargin, clock),
					new S3EventReader(s3Codec, processor.name()), clock);
		}
		return new StreamProcessorLambdaFunction<>(processor.name(),
				S3SourceType.invoker(processor, s3Codec, deadlineMargin, clock),
				new SqsEventReader(sqsCodec, processor.name()), clock);
	}

	@Override
	public byte[] apply(Message<InputStream> message) {
		Assert.notNull(message, "'message' must not be null");
		LambdaBatch<R> event = read(message.getPayload());
		Instant deadline = deadline(message.getHeaders().get(AWS_CONTEXT_HEADER));
		long start = System.nanoTime();
		BatchOutcome outcome = this.invoker.invoke(event.records(), event.eventSourceArn(), deadline);
		int size = event.size();
		if (logger.isDebugEnabled()) {
			logger.debug("Processor '" + this.processorName + "' handled a batch of " + size + " records from "
					+ event.eventSourceArn() + " in " + Duration.ofNanos(System.nanoTime() - start).toMillis()
					+ " ms: " + (outcome.isSuccess() ? "success" : "failed at " + outcome.failedItemIdentifier()));
		}
		if (!outcome.isSuccess()) {
			// BatchInvoker has already logged a batch cut short by the deadline.
			if (!outcome.deadlineReached()) {
				logger.warn("Processor '" + this.processorName + "' failed at record " + outcome.failedItemIdentifier()
						+ " (" + (outcome.failedIndex() + 1) + " of " + size + ") from " + event.eventSourceArn()
						+ "; it and the records after it will be retried", outcome.cause());
			}
			if (!this.invoker.source().answersPartially()) {
				throw new BatchFailedException("Processor '" + this.processorName + "' failed at record "
						+ outcome.failedItemIdentifier() + " of an asynchronous invocation, which has no partial batch "
						+ "response: the invocation fails so that Lambda retries it (twice, then the function's "
						+ "on-failure destination)", outcome.cause());
			}
			return failedFrom(event.records(), outcome.failedIndex());
		}
		Malformed malformed = event.malformed();
		if (malformed != null) {
			logger.warn("Processor '" + this.processorName + "' got a malformed record " + malformed.itemIdentifier()
					+ malformed.description() + ", Records[" + malformed.index() + "]"
					+ ((event.eventSourceArn() != null) ? " from " + event.eventSourceArn() : "") + ": "
					+ malformed.reason()
					+ "; the records before it were processed, it and the records after it are reported for retry");
			return BatchItemFailuresResponse.failedAt(malformed.itemIdentifier());
		}
		return BatchItemFailuresResponse.success();
	}

	/**
	 * The failed record, and for a source that names every failure (a queue), every record after
	 * it: the processor stopped at the failed one.
	 */
	private byte[] failedFrom(List<R> records, int index) {
		if (!this.invoker.source().namesEveryFailure()) {
			return BatchItemFailuresResponse.failedAt(this.invoker.source().itemIdentifier(records.get(index)));
		}
		List<String> failed = new ArrayList<>(records.size() - index);
		for (int i = index; i < records.size(); i++) {
			failed.add(this.invoker.source().itemIdentifier(records.get(i)));
		}
		return BatchItemFailuresResponse.failed(failed);
	}

	private LambdaBatch<R> read(InputStream input) {
		try (input) {
			return this.reader.read(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read the Lambda event for processor '" + this.processorName
					+ "'", ex);
		}
	}

	private @Nullable Instant deadline(@Nullable Object context) {
		if (context instanceof Context lambdaContext) {
			return this.clock.instant().plusMillis(lambdaContext.getRemainingTimeInMillis());
		}
		return null;
	}

	@Override
	public String toString() {
		return "StreamProcessorLambdaFunction[" + this.processorName + "]";
	}

}
