package dev.tributary.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.batch.BatchInvoker;
import dev.tributary.batch.BatchOutcome;
import dev.tributary.dynamodb.DynamoDbEventCodec;
import dev.tributary.dynamodb.DynamoDbEventException;
import dev.tributary.dynamodb.DynamoDbSourceType;
import dev.tributary.dynamodb.DynamoDbStreamEvent;
import dev.tributary.dynamodb.DynamoDbStreamEvent.MalformedRecord;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

import org.springframework.messaging.Message;
import org.springframework.util.Assert;

/**
 * The function Spring Cloud Function's {@code FunctionInvoker} calls for one processor: takes
 * the raw DynamoDB Streams event, runs the processor on its records through
 * {@link BatchInvoker}, and answers with the batch item failure Lambda should retry from.
 * <p>
 * It never answers past a record nobody processed: a malformed record is reported by its own
 * sequence number once the records before it are processed, and an input it cannot read at all
 * fails the invocation with a {@link DynamoDbStreamEventException} naming the processor and what
 * the input looks like ({@link DynamoDbEventCodec} has the contract).
 * <p>
 * Its input is {@code Message<InputStream>} on purpose: for that type the adapter hands over
 * the request stream untouched (no copy, no JSON tree, no INFO log of the event) and puts the
 * Lambda {@link Context} in the {@code aws-context} header, which gives the deadline.
 *
 * @author Tributary
 */
public final class StreamProcessorLambdaFunction implements Function<Message<InputStream>, byte[]> {

	/** Message header that carries the Lambda {@link Context} (Spring Cloud Function's {@code AWSLambdaUtils.AWS_CONTEXT}). */
	public static final String AWS_CONTEXT_HEADER = "aws-context";

	private static final Log logger = LogFactory.getLog(StreamProcessorLambdaFunction.class);

	private final String processorName;

	private final BatchInvoker<Record, ?> invoker;

	private final DynamoDbEventCodec codec;

	private final Clock clock;

	/**
	 * Create the function for a processor.
	 * @param processor the processor
	 * @param codec reads the event
	 * @param deadlineMargin how long before the invocation's timeout to stop handing out records
	 * @param clock the clock deadlines are measured with
	 */
	public StreamProcessorLambdaFunction(StreamProcessorDefinition<?> processor, DynamoDbEventCodec codec,
			Duration deadlineMargin, Clock clock) {
		Assert.notNull(processor, "'processor' must not be null");
		Assert.notNull(codec, "'codec' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.processorName = processor.name();
		this.invoker = DynamoDbSourceType.invoker(processor, deadlineMargin, clock);
		this.codec = codec;
		this.clock = clock;
	}

	@Override
	public byte[] apply(Message<InputStream> message) {
		Assert.notNull(message, "'message' must not be null");
		DynamoDbStreamEvent event = parse(message.getPayload());
		Instant deadline = deadline(message.getHeaders().get(AWS_CONTEXT_HEADER));
		long start = System.nanoTime();
		BatchOutcome outcome = this.invoker.invoke(event.records(), event.eventSourceArn(), deadline);
		int size = event.records().size() + ((event.malformed() != null) ? 1 : 0);
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
			return BatchItemFailuresResponse.failedAt(outcome.failedItemIdentifier());
		}
		MalformedRecord malformed = event.malformed();
		if (malformed != null) {
			logger.warn("Processor '" + this.processorName + "' got a malformed record " + malformed.sequenceNumber()
					+ ((malformed.eventId() != null) ? " (event " + malformed.eventId() + ")" : "") + ", Records["
					+ malformed.index() + "]" + ((event.eventSourceArn() != null) ? " from " + event.eventSourceArn() : "")
					+ ": " + malformed.reason()
					+ "; the records before it were processed, it and the records after it are reported for retry");
			return BatchItemFailuresResponse.failedAt(malformed.sequenceNumber());
		}
		return BatchItemFailuresResponse.success();
	}

	private DynamoDbStreamEvent parse(InputStream input) {
		try (input) {
			return this.codec.read(input);
		}
		catch (DynamoDbEventException ex) {
			throw new DynamoDbStreamEventException("Processor '" + this.processorName
					+ "' reads DynamoDB Streams and cannot take this event. " + ex.getMessage(), ex);
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
