package dev.tributary.local;

import java.time.Duration;

/**
 * What the local runtime reports about each processor. The Micrometer implementation is used
 * when Micrometer is on the classpath; every method does nothing by default.
 *
 * @author Tributary
 */
public interface RuntimeMetrics {

	/** Metrics that record nothing. */
	RuntimeMetrics NONE = new RuntimeMetrics() {
	};

	/**
	 * Records were processed.
	 * @param processor the processor's name
	 * @param table the table's name
	 * @param records how many records were processed
	 * @param duration how long the invocation took
	 */
	default void batchSucceeded(String processor, String table, int records, Duration duration) {
	}

	/**
	 * An invocation failed.
	 * @param processor the processor's name
	 * @param table the table's name
	 * @param duration how long the invocation took
	 */
	default void batchFailed(String processor, String table, Duration duration) {
	}

	/**
	 * A failed batch is about to be retried.
	 * @param processor the processor's name
	 * @param table the table's name
	 */
	default void retried(String processor, String table) {
	}

	/**
	 * Records were given up on and handed to the failure destination.
	 * @param processor the processor's name
	 * @param table the table's name
	 * @param records how many records
	 */
	default void recordsFailed(String processor, String table, int records) {
	}

	/**
	 * Age of the newest record read, a measure of how far behind the processor is.
	 * @param processor the processor's name
	 * @param table the table's name
	 * @param age the age
	 */
	default void iteratorAge(String processor, String table, Duration age) {
	}

	/**
	 * Reading a shard is failing: until the next {@link #iteratorAge}, the age grows with the time
	 * since it was last measured, as the backlog does.
	 * @param processor the processor's name
	 * @param table the table's name
	 */
	default void readFailing(String processor, String table) {
	}

	/**
	 * An AWS call failed after the AWS SDK's own retries.
	 * @param processor the processor's name
	 * @param operation the call, such as {@code GetRecords} or {@code WriteCheckpoint}
	 * @param error the error's AWS error code, or its class's simple name
	 */
	default void awsCallFailed(String processor, String operation, String error) {
	}

	/**
	 * A failed AWS call is about to be tried again.
	 * @param processor the processor's name
	 * @param operation the call
	 */
	default void awsCallRetried(String processor, String operation) {
	}

}
