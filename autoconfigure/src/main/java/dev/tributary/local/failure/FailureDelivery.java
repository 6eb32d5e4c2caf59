package dev.tributary.local.failure;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Hands a failed batch to its {@link FailureDestination} until the destination accepts it: a
 * send that throws is retried with exponential backoff for as long as the runtime runs, so the
 * shard never moves past records that reached no destination. A streak of failed sends logs one
 * WARN when it starts and one each time the backoff steps up (with the cause's type and message,
 * never a stack trace, never the records), a reminder every {@value #REMINDER_EVERY} attempts at
 * the longest backoff, and one INFO when the destination takes the batch again.
 *
 * @author Tributary
 */
public final class FailureDelivery {

	private static final Log logger = LogFactory.getLog(FailureDelivery.class);

	static final int REMINDER_EVERY = 20;

	private final FailureDestination destination;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	/**
	 * Create a delivery.
	 * @param destination where failed batches go
	 * @param initialBackoff the first wait after a failed send; it doubles on each further one
	 * @param maxBackoff the longest wait between sends
	 */
	public FailureDelivery(FailureDestination destination, Duration initialBackoff, Duration maxBackoff) {
		Assert.notNull(destination, "'destination' must not be null");
		Assert.isTrue(!initialBackoff.isNegative() && !initialBackoff.isZero(), "'initialBackoff' must be positive");
		Assert.isTrue(maxBackoff.compareTo(initialBackoff) >= 0, "'maxBackoff' must not be below 'initialBackoff'");
		this.destination = destination;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
	}

	/**
	 * Send the batch, retrying until the destination takes it or the waiter reports a stop.
	 * @param batch the records given up on
	 * @param waiter waits between attempts
	 * @return {@code true} once the destination took the batch, {@code false} if stopped first
	 */
	public boolean deliver(FailedBatch batch, Waiter waiter) {
		Assert.notNull(batch, "'batch' must not be null");
		Assert.notNull(waiter, "'waiter' must not be null");
		@Nullable Duration backoff = null;
		int failures = 0;
		long started = System.nanoTime();
		while (true) {
			try {
				this.destination.send(batch);
				if (failures > 0) {
					logger.info("Processor '" + batch.processor() + "' handed " + describe(batch) + " to "
							+ this.destination + " after " + failures + " failed attempt(s) over "
							+ Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
				}
				return true;
			}
			catch (RuntimeException ex) {
				failures++;
				Duration next = (backoff == null) ? this.initialBackoff : min(backoff.multipliedBy(2));
				boolean stepped = !next.equals(backoff);
				backoff = next;
				if (stepped || failures % REMINDER_EVERY == 0) {
					logger.warn("Processor '" + batch.processor() + "' could not hand " + describe(batch) + " to "
							+ this.destination + " (attempt " + failures + "): " + cause(ex)
							+ "; the shard waits and retries in " + next.toMillis() + " ms");
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("Processor '" + batch.processor() + "' could not hand " + describe(batch) + " to "
							+ this.destination + " (attempt " + failures + "): " + cause(ex));
				}
				if (waiter.await(next)) {
					return false;
				}
			}
		}
	}

	private Duration min(Duration duration) {
		return (duration.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : duration;
	}

	private static String describe(FailedBatch batch) {
		return batch.records().size() + " failed record(s) of shard " + batch.shardId() + " ("
				+ batch.firstSequenceNumber() + " to " + batch.lastSequenceNumber() + ")";
	}

	private static String cause(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * Waits between attempts.
	 */
	@FunctionalInterface
	public interface Waiter {

		/**
		 * Wait, unless asked to stop.
		 * @param duration how long to wait
		 * @return whether the wait ended because of a stop
		 */
		boolean await(Duration duration);

	}

}
