package dev.tributary;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;

import org.springframework.util.Assert;

/**
 * Thrown (or emitted as an error signal) by a processor to say which record of a batch failed.
 * <p>
 * Contract: every record of the batch <em>before</em> the failed record, in sequence order,
 * counts as processed; the failed record and every record after it are retried. Inside Lambda
 * the record's sequence number is reported as the batch item failure; the local runtime retries
 * from the same record. When several records fail, report the lowest: a record after the
 * reported one may be processed twice, a record before it never again.
 * <p>
 * Any other exception fails the whole batch, which is retried from its first record. The helpers
 * in {@link StreamProcessors} wrap failures in this exception for you.
 *
 * @author Tributary
 * @see StreamProcessors
 */
public class RecordProcessingException extends RuntimeException {

	private final String itemIdentifier;

	private transient @Nullable StreamRecord<?> record;

	/**
	 * Create an exception for a record that failed.
	 * @param record the first record that was not processed
	 * @param cause why it failed
	 */
	public RecordProcessingException(StreamRecord<?> record, @Nullable Throwable cause) {
		this(record, messageFor(record.sequenceNumber(), cause), cause);
	}

	/**
	 * Create an exception for a record that failed, with a message of your own.
	 * @param record the first record that was not processed
	 * @param message the detail message
	 * @param cause why it failed
	 */
	public RecordProcessingException(StreamRecord<?> record, String message, @Nullable Throwable cause) {
		super(message, cause);
		Assert.notNull(record, "'record' must not be null");
		this.itemIdentifier = record.sequenceNumber();
		this.record = record;
	}

	/**
	 * Create an exception for a record of any source that failed; it is reported by its
	 * {@link SourceRecord#itemIdentifier() item identifier}.
	 * @param record the first record that was not processed
	 * @param cause why it failed
	 */
	public RecordProcessingException(SourceRecord record, @Nullable Throwable cause) {
		this(requireItemIdentifier(record), messageFor(record.itemIdentifier(), cause), cause);
		this.record = (record instanceof StreamRecord<?> streamRecord) ? streamRecord : null;
	}

	private static String requireItemIdentifier(SourceRecord record) {
		Assert.notNull(record, "'record' must not be null");
		return record.itemIdentifier();
	}

	/**
	 * Create an exception for a record known only by its item identifier, for failures that
	 * happen before the record could be built (such as an image or payload that cannot be
	 * mapped).
	 * @param itemIdentifier the item identifier of the first record that was not processed: its
	 * sequence number for shard sources
	 * @param message the detail message
	 * @param cause why it failed
	 */
	protected RecordProcessingException(String itemIdentifier, String message, @Nullable Throwable cause) {
		super(message, cause);
		Assert.hasText(itemIdentifier, "'itemIdentifier' must not be empty");
		this.itemIdentifier = itemIdentifier;
		this.record = null;
	}

	/**
	 * The identifier Lambda gets back for the first record that was not processed: its
	 * sequence number for shard sources (DynamoDB Streams, Kinesis).
	 * @return the item identifier
	 */
	public String getItemIdentifier() {
		return this.itemIdentifier;
	}

	/**
	 * Sequence number of the first record that was not processed, for shard sources, where it
	 * is the {@link #getItemIdentifier() item identifier}.
	 * @return the sequence number
	 */
	public String getSequenceNumber() {
		return this.itemIdentifier;
	}

	/**
	 * The record that failed, when it could be built.
	 * @return the record, empty for failures before mapping finished
	 */
	public Optional<StreamRecord<?>> getRecord() {
		return Optional.ofNullable(this.record);
	}

	/**
	 * The reported record with the lowest sequence number among the failures in {@code failures}:
	 * each is searched along its cause chain, and Reactor composite exceptions (from concurrent
	 * processing) are unwrapped.
	 * @param failures the failures
	 * @return the lowest reported record's exception, empty when none reports a record
	 */
	public static Optional<RecordProcessingException> lowest(Iterable<? extends Throwable> failures) {
		Assert.notNull(failures, "'failures' must not be null");
		RecordProcessingException lowest = null;
		for (Throwable failure : failures) {
			for (Throwable candidate : Exceptions.unwrapMultiple(failure)) {
				RecordProcessingException reported = find(candidate);
				if (reported != null && (lowest == null
						|| SequenceNumbers.compare(reported.getSequenceNumber(), lowest.getSequenceNumber()) < 0)) {
					lowest = reported;
				}
			}
		}
		return Optional.ofNullable(lowest);
	}

	private static @Nullable RecordProcessingException find(Throwable failure) {
		Throwable current = failure;
		while (current != null) {
			if (current instanceof RecordProcessingException reported) {
				return reported;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return null;
	}

	private static String messageFor(String sequenceNumber, @Nullable Throwable cause) {
		String reason = (cause != null) ? cause.getClass().getSimpleName() + ": " + cause.getMessage() : "failed";
		return "Record " + sequenceNumber + " failed: " + reason;
	}

}
