package dev.tributary.local.shard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.tributary.local.AwsCallContext;
import dev.tributary.local.CallProblem;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.ShardState;
import dev.tributary.local.stream.ShardThrottledException;
import dev.tributary.local.stream.StreamNotFoundException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Makes AWS calls for one reader (a shard's, or a processor's shard discovery) and tries a
 * failed call again, with backoff, for as long as the runtime runs: throttling with the throttle
 * backoff, anything else with the jittered error backoff. It remembers the current streak of
 * failures, for the reader's state and the health indicator, and counts each failure and retry.
 * <p>
 * Logging, so that an outage is visible but does not flood the log: one WARN at the first
 * failure of a streak (the cause's type and message, no stack trace), one WARN when the streak
 * reaches {@link CallProblem#UNAVAILABLE_AFTER} failures and the reader counts as unavailable,
 * the rest at DEBUG, and one INFO when the call works again. A resource that is gone
 * ({@code ResourceNotFoundException}) is reported once per streak, saying what to do; a stream
 * that is gone is the {@link ProcessorRuntime}'s to report, at ERROR. The queue engine makes its
 * calls through it too.
 *
 * @author Tributary
 */
public final class CallRetrier {

	private static final Log logger = LogFactory.getLog(CallRetrier.class);

	private static final int MAX_MESSAGE_LENGTH = 300;

	private final String processor;

	private final String subject;

	private final LocalRuntimeOptions options;

	private final RuntimeMetrics metrics;

	private final StopSignal stop;

	private final Clock clock;

	private final Runnable onFailure;

	private final BooleanSupplier retired;

	private volatile @Nullable Streak streak;

	/**
	 * Create a retrier.
	 * @param processor the processor's name, which meters carry
	 * @param subject who makes the calls, for log lines
	 * @param options the backoff settings
	 * @param metrics where failures and retries are counted
	 * @param stop ends the retries
	 * @param clock the clock streaks are timed with
	 * @param onFailure called at each failure (the shard reader's iterator age grows meanwhile)
	 * @param retired whether the reader was retired (its stream replaced): it then stops trying
	 */
	public CallRetrier(String processor, String subject, LocalRuntimeOptions options, RuntimeMetrics metrics, StopSignal stop,
			Clock clock, Runnable onFailure, BooleanSupplier retired) {
		this.processor = processor;
		this.subject = subject;
		this.options = options;
		this.metrics = metrics;
		this.stop = stop;
		this.clock = clock;
		this.onFailure = onFailure;
		this.retired = retired;
	}

	/**
	 * Make a call until it succeeds.
	 * @param <T> the call's result type
	 * @param operation the call's name, for meters and log lines
	 * @param call the call
	 * @return the call's result
	 * @throws AbandonedException if the runtime abandoned in-flight work while waiting
	 * @throws RuntimeException the last failure, if the runtime stopped while waiting
	 */
	public <T> T call(String operation, Supplier<T> call) {
		return call(operation, (ex) -> false, call);
	}

	/**
	 * Make a call until it succeeds.
	 * @param operation the call's name, for meters and log lines
	 * @param call the call
	 */
	public void run(String operation, Runnable call) {
		call(operation, () -> {
			call.run();
			return null;
		});
	}

	/**
	 * Make a call until it succeeds or fails with an error the caller handles itself.
	 * @param <T> the call's result type
	 * @param operation the call's name, for meters and log lines
	 * @param passThrough the errors the caller handles: counted, then thrown at once
	 * @param call the call
	 * @return the call's result
	 */
	<T> T call(String operation, Predicate<RuntimeException> passThrough, Supplier<T> call) {
		Backoff errors = new Backoff(this.options.initialErrorBackoff(), this.options.maxErrorBackoff(), true);
		Backoff throttles = new Backoff(this.options.initialThrottleBackoff(), this.options.maxThrottleBackoff());
		while (true) {
			try {
				T result = AwsCallContext.callFor(this.processor, call);
				recovered();
				return result;
			}
			catch (RuntimeException ex) {
				if (this.stop.isStopping()) {
					throw this.stop.isAbandoned() ? new AbandonedException() : ex;
				}
				String error = errorCode(ex);
				this.metrics.awsCallFailed(this.processor, operation, error);
				if (passThrough.test(ex) || this.retired.getAsBoolean()) {
					throw ex;
				}
				boolean throttled = isThrottling(ex);
				Duration wait = throttled ? throttles.next() : errors.next();
				failed(operation, ex, error, throttled, wait);
				this.metrics.awsCallRetried(this.processor, operation);
				if (this.stop.await(wait)) {
					if (this.stop.isAbandoned()) {
						throw new AbandonedException();
					}
					throw ex;
				}
			}
		}
	}

	/**
	 * Record a failure the caller handles itself (such as a stream that is gone), so that the
	 * reader's state and health reflect it until a call succeeds.
	 * @param operation the call
	 * @param ex its error
	 * @param unavailable whether the reader cannot read until further notice
	 */
	void failedOutside(String operation, RuntimeException ex, boolean unavailable) {
		Streak current = this.streak;
		Streak next = (current != null) ? current.next(operation, ex, errorCode(ex), false)
				: new Streak(operation, errorCode(ex), message(ex), 1, this.clock.instant(), false, false);
		this.streak = unavailable ? next.gone() : next;
		this.onFailure.run();
	}

	/**
	 * The current streak of failures.
	 * @return the problem, or {@code null} when the last call succeeded
	 */
	public @Nullable CallProblem problem() {
		Streak current = this.streak;
		return (current != null) ? current.toProblem() : null;
	}

	/**
	 * The reader's state while calls fail.
	 * @return {@link ShardState#UNAVAILABLE}, {@link ShardState#THROTTLED} or
	 * {@link ShardState#BACKING_OFF}; {@code null} when the last call succeeded
	 */
	public @Nullable ShardState failingState() {
		Streak current = this.streak;
		if (current == null) {
			return null;
		}
		if (current.toProblem().unavailable()) {
			return ShardState.UNAVAILABLE;
		}
		return current.throttled() ? ShardState.THROTTLED : ShardState.BACKING_OFF;
	}

	/**
	 * Mark the streak over: a call succeeded.
	 */
	void recovered() {
		Streak ended = this.streak;
		if (ended == null) {
			return;
		}
		this.streak = null;
		if (ended.warned()) {
			logger.info(this.subject + ": " + ended.operation() + " works again after " + ended.attempts()
					+ " failed attempt(s) over " + Duration.between(ended.since(), this.clock.instant()).toMillis()
					+ " ms");
		}
	}

	private void failed(String operation, RuntimeException ex, String error, boolean throttled, Duration wait) {
		Streak current = this.streak;
		Streak next = (current != null) ? current.next(operation, ex, error, throttled)
				: new Streak(operation, error, message(ex), 1, this.clock.instant(), throttled, false);
		this.onFailure.run();
		if (isGone(ex) && (current == null || !current.goneReported())) {
			logger.warn(this.subject + ": " + operation + " failed because the resource is gone (" + error + ": "
					+ next.message() + "). If the AWS emulator was restarted, everything in it was lost: the "
					+ "checkpoint table is created again by itself (positions start over), and tables and queues "
					+ "you created need creating again (restarting the application provisions them). Trying again "
					+ "with backoff up to " + seconds(this.options.maxErrorBackoff()) + " for as long as it fails");
			this.streak = next.gone().warnedOnce();
			return;
		}
		if (current == null && !throttled) {
			logger.warn(this.subject + ": " + operation + " failed (" + error + ": " + next.message()
					+ "); trying again in " + wait.toMillis() + " ms, backing off up to " + seconds(this.options.maxErrorBackoff())
					+ " for as long as it fails");
			next = next.warnedOnce();
		}
		else if (next.attempts() == CallProblem.UNAVAILABLE_AFTER && !next.isGone() && next.toProblem().unavailable()) {
			logger.warn(this.subject + ": " + operation + " failed " + next.attempts() + " times in a row since "
					+ next.since() + " (last: " + error + ": " + next.message() + "); reported unavailable "
					+ "until a call succeeds, trying again every " + wait.toMillis() + " ms or more");
			next = next.warnedOnce();
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(this.subject + ": " + operation + " failed again (attempt " + next.attempts() + ", " + error
					+ ": " + next.message() + "); trying again in " + wait.toMillis() + " ms");
		}
		this.streak = next;
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() / 1000.0) + " s";
	}

	static boolean isThrottling(RuntimeException ex) {
		return ex instanceof ShardThrottledException || ex instanceof ProvisionedThroughputExceededException
				|| ex instanceof LimitExceededException
				|| (ex instanceof AwsServiceException service && service.isThrottlingException());
	}

	static boolean isGone(RuntimeException ex) {
		return ex instanceof ResourceNotFoundException || ex instanceof StreamNotFoundException
				|| "ResourceNotFoundException".equals(errorCode(ex));
	}

	/**
	 * The error code of an AWS error, also through the shard engine's own exceptions, which wrap
	 * the source's.
	 */
	static String errorCode(RuntimeException failure) {
		RuntimeException ex = (failure.getClass().getPackageName().equals(StreamNotFoundException.class.getPackageName())
				&& failure.getCause() instanceof RuntimeException cause) ? cause : failure;
		if (ex instanceof AwsServiceException service && service.awsErrorDetails() != null
				&& service.awsErrorDetails().errorCode() != null && !service.awsErrorDetails().errorCode().isBlank()) {
			return service.awsErrorDetails().errorCode();
		}
		return ex.getClass().getSimpleName();
	}

	static String message(RuntimeException ex) {
		String message = ex.getMessage();
		if (message == null) {
			return "";
		}
		message = message.replaceAll("\\s+", " ");
		return (message.length() > MAX_MESSAGE_LENGTH) ? message.substring(0, MAX_MESSAGE_LENGTH) + "..." : message;
	}

	/**
	 * Failures in a row. Throttling alone never makes a reader unavailable: the service answers.
	 */
	private record Streak(String operation, String errorType, String message, int attempts, Instant since,
			boolean throttled, boolean isGone, boolean warned, boolean goneReported) {

		Streak(String operation, String errorType, String message, int attempts, Instant since, boolean throttled,
				boolean isGone) {
			this(operation, errorType, message, attempts, since, throttled, isGone, false, false);
		}

		Streak next(String operation, RuntimeException ex, String error, boolean throttled) {
			return new Streak(operation, error, CallRetrier.message(ex), this.attempts + 1, this.since, throttled, this.isGone,
					this.warned, this.goneReported);
		}

		Streak gone() {
			return new Streak(this.operation, this.errorType, this.message, this.attempts, this.since,
					this.throttled, true, this.warned, true);
		}

		Streak warnedOnce() {
			return new Streak(this.operation, this.errorType, this.message, this.attempts, this.since,
					this.throttled, this.isGone, true, this.goneReported);
		}

		CallProblem toProblem() {
			boolean unavailable = this.isGone || (!this.throttled && this.attempts >= CallProblem.UNAVAILABLE_AFTER);
			return new CallProblem(this.operation, this.errorType, this.message, this.attempts, this.since,
					unavailable);
		}

	}

}
