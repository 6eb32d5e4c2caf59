package dev.tributary.benchmarks.baseline.plain;

/**
 * What happened to an item, as a plain handler would declare it for a queued change.
 *
 * @author Tributary
 */
public enum EventName {

	/** The item was added. */
	INSERT,

	/** The item was changed. */
	MODIFY,

	/** The item was deleted. */
	REMOVE

}
