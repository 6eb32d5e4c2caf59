package dev.tributary.deploy.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.DeployOutput;
import dev.tributary.deploy.retry.RetryableErrors;
import dev.tributary.deploy.retry.Sleeper;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import org.springframework.util.Assert;

/**
 * Prints a function's recent log events, and with follow keeps polling for new ones
 * ({@code FilterLogEvents}, which also works where live tail does not) for a while or until
 * interrupted. Throttling, server errors and lost connections are retried with backoff and
 * reported once per streak, so a long follow outlives them; other errors end the command.
 *
 * @author Tributary
 */
public final class LogTail {

	static final int POLL_SECONDS = 2;

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(POLL_SECONDS);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	/** Attempts at one poll once the follow time is over, before giving up. */
	static final int MAX_ATTEMPTS_WHEN_OVER = 3;

	private final CloudWatchLogsClient logs;

	private final DeployOutput output;

	private final Clock clock;

	private final Sleeper sleeper;

	/**
	 * Create a tail.
	 * @param logs the logs client
	 * @param output where events are printed
	 * @param clock the clock
	 * @param sleeper the sleeper between polls
	 */
	public LogTail(CloudWatchLogsClient logs, DeployOutput output, Clock clock, Sleeper sleeper) {
		Assert.notNull(logs, "'logs' must not be null");
		Assert.notNull(output, "'output' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		Assert.notNull(sleeper, "'sleeper' must not be null");
		this.logs = logs;
		this.output = output;
		this.clock = clock;
		this.sleeper = sleeper;
	}

	/**
	 * Print the events of a log group once.
	 * @param logGroup the log group
	 * @param since how far back to start
	 * @return how many events were printed
	 */
	public int print(String logGroup, Duration since) {
		return follow(logGroup, since, Duration.ZERO);
	}

	/**
	 * Print the events of a log group, then keep polling for new ones every
	 * {@value #POLL_SECONDS} seconds.
	 * @param logGroup the log group
	 * @param since how far back to start
	 * @param duration how long to keep following: {@link Duration#ZERO} to print once and
	 * return, {@code null} to follow until the thread is interrupted (Ctrl-C)
	 * @return how many events were printed
	 */
	public int follow(String logGroup, Duration since, @Nullable Duration duration) {
		Assert.hasText(logGroup, "'logGroup' must not be empty");
		Assert.notNull(since, "'since' must not be null");
		if (LogGroupStep.find(this.logs, logGroup).isEmpty()) {
			throw new DeployException("Log group " + logGroup + " does not exist: deploy first (tributary.deploy.command=deploy)");
		}
		Instant now = this.clock.instant();
		@Nullable Instant until = (duration != null) ? now.plus(duration) : null;
		Cursor cursor = new Cursor(now.minus(since).toEpochMilli());
		int failures = 0;
		while (true) {
			try {
				poll(logGroup, cursor);
				failures = 0;
			}
			catch (SdkException ex) {
				if (!isTransient(ex)) {
					throw ex;
				}
				failures++;
				boolean over = until != null && !this.clock.instant().isBefore(until);
				if (over && failures >= MAX_ATTEMPTS_WHEN_OVER) {
					throw new DeployException("Could not read " + logGroup + " after " + failures + " attempts: "
							+ reason(ex), ex);
				}
				// One line per streak of failures, not one per poll.
				if (failures == 1) {
					this.output.println("(reading " + logGroup + " failed: " + reason(ex) + "; trying again)");
				}
				pause(backoff(failures));
				continue;
			}
			if (until != null && !this.clock.instant().isBefore(until)) {
				return cursor.printed;
			}
			pause(POLL_INTERVAL);
		}
	}

	private void poll(String logGroup, Cursor cursor) {
		long from = cursor.start;
		for (FilteredLogEvent event : this.logs.filterLogEventsPaginator((request) -> request.logGroupName(logGroup)
			.startTime(from)
			.interleaved(true)).events()) {
			// Polls overlap by the last timestamp, so that events sharing it are not missed.
			if (cursor.seen.putIfAbsent(event.eventId(), event.timestamp()) == null) {
				this.output.println(Instant.ofEpochMilli(event.timestamp()) + " " + event.logStreamName() + " "
						+ event.message().stripTrailing());
				cursor.printed++;
				cursor.start = Math.max(cursor.start, event.timestamp());
			}
		}
		// Only events at the newest timestamp can come back: forget the rest, so a long follow
		// does not keep every event id it ever printed.
		cursor.seen.values().removeIf((timestamp) -> timestamp < cursor.start);
	}

	// Throttling (FilterLogEvents allows a few calls a second per account), a 5xx, or a lost
	// connection: following must outlive them. Anything else (access denied, a deleted group)
	// ends the command with the service's message.
	static boolean isTransient(SdkException ex) {
		if (RetryableErrors.isRetryable(ex)) {
			return true;
		}
		if (ex instanceof AwsServiceException service) {
			return service.statusCode() >= 500;
		}
		return ex instanceof SdkClientException;
	}

	private static String reason(SdkException ex) {
		if (ex instanceof AwsServiceException service && service.awsErrorDetails() != null) {
			return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")";
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private static Duration backoff(int failures) {
		Duration wait = POLL_INTERVAL.multipliedBy(1L << Math.min(failures - 1, 4));
		return (wait.compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : wait;
	}

	/** Where a follow is: the oldest timestamp to ask for, and the ids already printed. */
	private static final class Cursor {

		private long start;

		private final Map<String, Long> seen = new HashMap<>();

		private int printed;

		private Cursor(long start) {
			this.start = start;
		}

	}

	private void pause(Duration duration) {
		try {
			this.sleeper.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while following logs", ex);
		}
	}

}
