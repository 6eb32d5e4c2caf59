package dev.tributary.batch;

import org.jspecify.annotations.Nullable;

/**
 * What the batch core needs to know about a source to run a processor on its raw records: the
 * identifier Lambda expects back for a record, the key records are ordered by, and how a raw
 * record becomes the processor's element. One instance serves one processor, since the element
 * factory applies that processor's type (and, for DynamoDB, its view type).
 *
 * @param <R> the raw record type (an SDK DynamoDB {@code Record}, a {@code KinesisDataRecord})
 * @param <E> the processor's element type ({@code StreamRecord<T>}, {@code KinesisRecord<T>})
 * @author Tributary
 */
public interface SourceType<R, E> {

	/**
	 * The source's name, as it appears in messages ({@code dynamodb}, {@code kinesis}).
	 * @return the name
	 */
	String name();

	/**
	 * The identifier Lambda expects back in {@code batchItemFailures} for a record: its
	 * sequence number for shard sources, its message id for queues.
	 * @param record the raw record
	 * @return the identifier, never empty
	 */
	String itemIdentifier(R record);

	/**
	 * The key that orders records: records with equal keys are processed in order, records with
	 * different keys may run concurrently (Lambda's parallelization factor).
	 * @param record the raw record
	 * @return the key (its partition key), or {@code null} when it has none
	 */
	@Nullable Object orderingKey(R record);

	/**
	 * Turn a raw record into the processor's element, mapping its payload to the processor's
	 * type.
	 * @param record the raw record
	 * @param eventSourceArn the ARN of the source the batch came from, when the raw record does
	 * not carry it
	 * @return the element
	 * @throws dev.tributary.RecordProcessingException if the record cannot be mapped: that
	 * record's failure, reported by its item identifier, not the batch's
	 */
	E element(R record, @Nullable String eventSourceArn);

	/**
	 * Whether a raw record is not for the processor and counts as processed without being
	 * handed to it: S3's test event on a notification queue, for one.
	 * @param record the raw record
	 * @return whether to skip it
	 */
	default boolean skips(R record) {
		return false;
	}

	/**
	 * Whether Lambda reads a partial batch response from this source's invocations. A source
	 * invoked asynchronously (S3 delivering directly) has none: a failure must fail the
	 * invocation, or Lambda would count it as a success.
	 * @return whether failures are answered as a partial batch response
	 */
	default boolean answersPartially() {
		return true;
	}

	/**
	 * Whether a failure must name every record to retry: Lambda deletes the messages of a queue
	 * that a response does not name, while for a stream it retries from the first record named.
	 * A source that names every failure gets, on failure, the failed record and every record
	 * after it in the batch (the processor stopped there).
	 * @return whether every failed record is named
	 */
	default boolean namesEveryFailure() {
		return false;
	}

}
