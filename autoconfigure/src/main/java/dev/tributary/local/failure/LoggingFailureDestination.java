package dev.tributary.local.failure;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@link FailureDestination} for processors without an on-failure destination: logs each skipped
 * batch at ERROR and counts its records. The line names the processor, the shard, the range of
 * sequence numbers, the reason and the error's type only: never keys, images or the error's
 * message, which may quote item values.
 *
 * @author Tributary
 */
public final class LoggingFailureDestination implements FailureDestination {

	private static final Log logger = LogFactory.getLog(LoggingFailureDestination.class);

	private final AtomicLong dropped = new AtomicLong();

	@Override
	public void send(FailedBatch<?> batch) {
		this.dropped.addAndGet(batch.records().size());
		logger.error("Processor '" + batch.processor() + "' gave up on " + batch.records().size()
				+ " record(s) of shard " + batch.shardId() + ", sequence numbers " + batch.firstSequenceNumber()
				+ " to " + batch.lastSequenceNumber() + " (" + batch.reason() + " after " + batch.attempts()
				+ " attempt(s)" + (batch.errorType().isEmpty() ? "" : ", last error " + batch.errorType())
				+ ") and no on-failure destination is configured; skipping them. Set tributary.processors."
				+ batch.processor() + ".on-failure to an SQS queue or SNS topic to keep such records");
	}

	/**
	 * Number of records given up on so far.
	 * @return the count
	 */
	public long getDroppedRecords() {
		return this.dropped.get();
	}

	@Override
	public String toString() {
		return "the log (no on-failure destination)";
	}

}
