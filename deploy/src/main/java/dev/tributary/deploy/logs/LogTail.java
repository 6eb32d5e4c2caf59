package dev.tributary.deploy.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.DeployOutput;
import dev.tributary.deploy.retry.Sleeper;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import org.springframework.util.Assert;

/**
 * Prints a function's recent log events, and with follow keeps polling for new ones
 * ({@code FilterLogEvents}, which also works where live tail does not) until interrupted.
 *
 * @author Tributary
 */
public final class LogTail {

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

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
	 * Print the events of a log group.
	 * @param logGroup the log group
	 * @param since how far back to start
	 * @param polls how many times to poll after the first read: 0 to print and return,
	 * {@link Integer#MAX_VALUE} to follow until interrupted
	 * @return how many events were printed
	 */
	public int print(String logGroup, Duration since, int polls) {
		Assert.hasText(logGroup, "'logGroup' must not be empty");
		if (LogGroupStep.find(this.logs, logGroup).isEmpty()) {
			throw new DeployException("Log group " + logGroup + " does not exist: deploy first (tributary.deploy.command=deploy)");
		}
		long start = this.clock.instant().minus(since).toEpochMilli();
		Set<String> seen = new HashSet<>();
		int printed = 0;
		for (int poll = 0; poll <= polls; poll++) {
			if (poll > 0) {
				pause();
			}
			long from = start;
			for (FilteredLogEvent event : this.logs.filterLogEventsPaginator((request) -> request.logGroupName(logGroup)
				.startTime(from)
				.interleaved(true)).events()) {
				if (seen.add(event.eventId())) {
					this.output.println(Instant.ofEpochMilli(event.timestamp()) + " " + event.logStreamName() + " "
							+ event.message().stripTrailing());
					printed++;
					start = Math.max(start, event.timestamp());
				}
			}
		}
		return printed;
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
