package dev.tributary.local;

import java.time.Instant;

/**
 * Why an AWS call of the local runtime keeps failing: the call, the last error and since when
 * it has been failing. The runtime tries again for as long as it runs.
 *
 * @param operation the call that fails, such as {@code GetRecords} or {@code WriteCheckpoint}
 * @param errorType the last error's class (an AWS error code when the service gave one)
 * @param errorMessage the last error's message
 * @param failedAttempts how many attempts failed in a row
 * @param since when the first of them failed
 * @param unavailable whether the runtime considers the processor unable to read: the failures
 * went on past {@link #UNAVAILABLE_AFTER} attempts, or the stream or table is gone
 * @author Tributary
 */
public record CallProblem(String operation, String errorType, String errorMessage, int failedAttempts,
		Instant since, boolean unavailable) {

	/**
	 * Failed attempts in a row (each after the AWS SDK's own retries) after which a processor is
	 * reported as unable to read.
	 */
	public static final int UNAVAILABLE_AFTER = 3;

}
