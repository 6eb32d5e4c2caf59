package dev.tributary.batch;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How a batch ended: every record processed, or failed at one record. On failure the records
 * before {@link #failedIndex()} count as processed and the rest must be retried.
 *
 * @param failedIndex index in the batch of the first record that was not processed, or -1
 * @param failedItemIdentifier that record's item identifier (its sequence number for shard sources), or {@code null} on success
 * @param cause why the batch failed, or {@code null} on success
 * @param deadlineReached whether the batch was cut short by the invocation deadline
 * @author Tributary
 */
public record BatchOutcome(int failedIndex, @Nullable String failedItemIdentifier, @Nullable Throwable cause,
		boolean deadlineReached) {

	private static final BatchOutcome SUCCESS = new BatchOutcome(-1, null, null, false);

	/**
	 * The outcome of a batch whose records were all processed.
	 * @return the success outcome
	 */
	public static BatchOutcome success() {
		return SUCCESS;
	}

	/**
	 * Whether every record was processed.
	 * @return whether the batch succeeded
	 */
	public boolean isSuccess() {
		return this.failedIndex < 0;
	}

	/**
	 * Item identifier of the first record to retry.
	 * @return the item identifier, empty on success
	 */
	public Optional<String> findFailedItemIdentifier() {
		return Optional.ofNullable(this.failedItemIdentifier);
	}

}
