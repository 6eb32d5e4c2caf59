package dev.tributary.deploy.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Retries transient AWS errors with exponential back-off (1 s doubling up to 10 s) until a
 * deadline (two minutes by default, long enough for IAM propagation), and waits for resources to
 * reach a state.
 *
 * @author Tributary
 */
public final class Retrier {

	private static final Log logger = LogFactory.getLog(Retrier.class);

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

	private final Clock clock;

	private final Sleeper sleeper;

	private final Duration deadline;

	/**
	 * Create a retrier.
	 * @param clock the clock measuring the deadline
	 * @param sleeper the sleeper between attempts
	 * @param deadline how long to keep retrying one call
	 */
	public Retrier(Clock clock, Sleeper sleeper, Duration deadline) {
		Assert.notNull(clock, "'clock' must not be null");
		Assert.notNull(sleeper, "'sleeper' must not be null");
		Assert.notNull(deadline, "'deadline' must not be null");
		this.clock = clock;
		this.sleeper = sleeper;
		this.deadline = deadline;
	}

	/**
	 * A retrier on the system clock with a two minute deadline.
	 * @return the retrier
	 */
	public static Retrier standard() {
		return new Retrier(Clock.systemUTC(), Sleeper.THREAD, Duration.ofMinutes(2));
	}

	/**
	 * Call until it succeeds, retrying {@link RetryableErrors transient errors} until the
	 * deadline.
	 * @param <T> the result type
	 * @param description what is called, for log lines
	 * @param call the call
	 * @return its result
	 */
	public <T> T call(String description, Supplier<T> call) {
		Instant giveUp = this.clock.instant().plus(this.deadline);
		Duration backoff = FIRST_BACKOFF;
		while (true) {
			try {
				return call.get();
			}
			catch (RuntimeException ex) {
				if (!RetryableErrors.isRetryable(ex) || this.clock.instant().plus(backoff).isAfter(giveUp)) {
					throw ex;
				}
				logger.info("Retrying " + description + " in " + backoff.toMillis() + " ms: " + ex.getMessage());
				pause(backoff);
				backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
			}
		}
	}

	/**
	 * Call until it succeeds, like {@link #call(String, Supplier)}, for calls without a result.
	 * @param description what is called
	 * @param call the call
	 */
	public void run(String description, Runnable call) {
		call(description, () -> {
			call.run();
			return null;
		});
	}

	/**
	 * Poll until a condition holds.
	 * @param description what is awaited, for the timeout message
	 * @param condition the condition, which may call read APIs
	 * @param timeout how long to wait
	 * @throws IllegalStateException if the condition does not hold in time
	 */
	public void await(String description, BooleanSupplier condition, Duration timeout) {
		Instant giveUp = this.clock.instant().plus(timeout);
		while (!call(description, condition::getAsBoolean)) {
			if (this.clock.instant().isAfter(giveUp)) {
				throw new IllegalStateException("Timed out after " + timeout + " waiting for " + description);
			}
			pause(POLL_INTERVAL);
		}
	}

	private void pause(Duration duration) {
		try {
			this.sleeper.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry", ex);
		}
	}

}
