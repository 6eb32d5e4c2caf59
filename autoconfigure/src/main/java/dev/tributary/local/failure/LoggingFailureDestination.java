package dev.tributary.local.failure;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@link FailureDestination} for processors without an on-failure destination: logs each record's
 * keys and sequence number at ERROR (never its images) and counts them.
 *
 * @author Tributary
 */
public final class LoggingFailureDestination implements FailureDestination {

	private static final Log logger = LogFactory.getLog(LoggingFailureDestination.class);

	private final AtomicLong dropped = new AtomicLong();

	@Override
	public void send(FailedBatch batch) {
		this.dropped.addAndGet(batch.records().size());
		String records = batch.records()
			.stream()
			.map((record) -> record.dynamodb().sequenceNumber() + " " + record.dynamodb().keys())
			.collect(Collectors.joining(", "));
		logger.error("Processor '" + batch.processor() + "' gave up on " + batch.records().size()
				+ " record(s) of shard " + batch.shardId() + " (" + batch.reason() + " after " + batch.attempts()
				+ " attempt(s): " + batch.errorType() + ": " + batch.errorMessage()
				+ ") and no on-failure destination is configured; skipping them: " + records);
	}

	/**
	 * Number of records given up on so far.
	 * @return the count
	 */
	public long getDroppedRecords() {
		return this.dropped.get();
	}

}
