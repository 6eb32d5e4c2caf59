package dev.tributary;

/**
 * Kind of change a {@link StreamRecord} describes.
 *
 * @author Tributary
 */
public enum EventName {

	/** A new item was added to the table. */
	INSERT,

	/** One or more attributes of an existing item changed. */
	MODIFY,

	/** An item was deleted, by a caller or by TTL expiry (see {@link StreamRecord#isTtlExpiry()}). */
	REMOVE

}
