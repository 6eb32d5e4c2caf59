package dev.tributary.deploy.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.DeployOutput;
import dev.tributary.deploy.retry.Sleeper;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import org.springframework.util.Assert;

/**
 * Prints a function's recent log events, and with follow keeps polling for new ones
 * ({@code FilterLogEvents}, which also works where live tail does not) for a while or until
 * interrupted.
 *
 * @author Tributary
 */
public final class LogTail {

	static final int POLL_SECONDS = 2;

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(POLL_SECONDS);

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
		Set<String> seen = new HashSet<>();
		long start = now.minus(since).toEpochMilli();
		int printed = 0;
		while (true) {
			long from = start;
			for (FilteredLogEvent event : this.logs.filterLogEventsPaginator((request) -> request.logGroupName(logGroup)
				.startTime(from)
				.interleaved(true)).events()) {
				// Polls overlap by the last timestamp, so that events sharing it are not missed.
				if (seen.add(event.eventId())) {
					this.output.println(Instant.ofEpochMilli(event.timestamp()) + " " + event.logStreamName() + " "
							+ event.message().stripTrailing());
					printed++;
					start = Math.max(start, event.timestamp());
				}
			}
			if (until != null && !this.clock.instant().isBefore(until)) {
				return printed;
			}
			pause();
		}
	}

	private void pause() {
		try {
			this.sleeper.sleep(POLL_INTERVAL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while following logs", ex);
		}
	}

}
