package dev.tributary.deploy.sqs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.tributary.deploy.DeployException;

/**
 * The function's timeout against the visibility timeout of the queue it reads. Lambda refuses
 * an SQS mapping whose queue's visibility timeout is shorter than the function's timeout (a
 * message would become visible again, and be processed twice, while its batch still runs), and
 * AWS recommends at least six times the function's timeout, so that the retries Lambda makes
 * when an invocation is throttled fit in one visibility timeout.
 *
 * @author Tributary
 */
final class VisibilityTimeoutCheck {

	/** The visibility timeout AWS recommends, in function timeouts. */
	static final int RECOMMENDED_FACTOR = 6;

	static final String FUNCTION_TIMEOUT = "tributary.deploy.function.timeout";

	private VisibilityTimeoutCheck() {
	}

	/**
	 * Check a queue's visibility timeout.
	 * @param queue the queue's name
	 * @param processors the processors reading it
	 * @param visibilityTimeout its visibility timeout
	 * @param setting where the visibility timeout comes from, for messages
	 * @param fix what to change to raise it
	 * @param functionTimeout the function's timeout
	 * @return a warning when it is below the recommendation
	 * @throws DeployException when it is shorter than the function's timeout
	 */
	static Optional<String> check(String queue, List<String> processors, Duration visibilityTimeout, String setting,
			String fix, Duration functionTimeout) {
		Duration recommended = functionTimeout.multipliedBy(RECOMMENDED_FACTOR);
		if (visibilityTimeout.compareTo(functionTimeout) < 0) {
			throw new DeployException("The visibility timeout of SQS queue '" + queue + "' (" + setting + " = "
					+ seconds(visibilityTimeout) + ") is shorter than the timeout of the function of processor(s) "
					+ processors + " (" + FUNCTION_TIMEOUT + " = " + seconds(functionTimeout)
					+ "): Lambda refuses the mapping, since a message would become visible again while its batch "
					+ "still runs. " + fix + " to at least " + seconds(functionTimeout) + " (AWS recommends "
					+ RECOMMENDED_FACTOR + " times the function timeout, " + seconds(recommended) + "), or lower "
					+ FUNCTION_TIMEOUT);
		}
		if (visibilityTimeout.compareTo(recommended) < 0) {
			return Optional.of("visibility timeout " + seconds(visibilityTimeout) + " (" + setting
					+ ") is less than the " + seconds(recommended) + " AWS recommends, " + RECOMMENDED_FACTOR
					+ " times " + FUNCTION_TIMEOUT + " (" + seconds(functionTimeout)
					+ "): when Lambda retries a throttled batch, its messages may become visible again and be "
					+ "processed twice. " + fix + " to " + seconds(recommended) + " or more");
		}
		return Optional.empty();
	}

	static String seconds(Duration duration) {
		return duration.toSeconds() + "s";
	}

}
