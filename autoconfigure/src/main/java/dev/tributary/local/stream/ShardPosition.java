package dev.tributary.local.stream;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Where to start reading a shard, for any shard source: its trim horizon, its tip, a sequence
 * number (at or after it), or a time (Kinesis).
 *
 * @param type where to start
 * @param sequenceNumber the sequence number for {@link Type#AT_SEQUENCE_NUMBER} and
 * {@link Type#AFTER_SEQUENCE_NUMBER}
 * @param timestamp the time for {@link Type#AT_TIMESTAMP}
 * @author Tributary
 */
public record ShardPosition(Type type, @Nullable String sequenceNumber, @Nullable Instant timestamp) {

	public ShardPosition {
		Assert.notNull(type, "'type' must not be null");
		Assert.isTrue((sequenceNumber != null) == type.needsSequenceNumber(),
				() -> type + " " + (type.needsSequenceNumber() ? "needs" : "takes no") + " sequence number");
		Assert.isTrue((timestamp != null) == (type == Type.AT_TIMESTAMP),
				() -> type + " " + ((type == Type.AT_TIMESTAMP) ? "needs" : "takes no") + " timestamp");
	}

	/**
	 * The oldest record still in the shard.
	 * @return the position
	 */
	public static ShardPosition trimHorizon() {
		return new ShardPosition(Type.TRIM_HORIZON, null, null);
	}

	/**
	 * Just after the newest record: only records written from now on.
	 * @return the position
	 */
	public static ShardPosition latest() {
		return new ShardPosition(Type.LATEST, null, null);
	}

	/**
	 * The record with a sequence number, included.
	 * @param sequenceNumber the sequence number
	 * @return the position
	 */
	public static ShardPosition at(String sequenceNumber) {
		return new ShardPosition(Type.AT_SEQUENCE_NUMBER, sequenceNumber, null);
	}

	/**
	 * Just after the record with a sequence number: where a checkpoint resumes.
	 * @param sequenceNumber the sequence number
	 * @return the position
	 */
	public static ShardPosition after(String sequenceNumber) {
		return new ShardPosition(Type.AFTER_SEQUENCE_NUMBER, sequenceNumber, null);
	}

	/**
	 * The first record that arrived at or after a time.
	 * @param timestamp the time
	 * @return the position
	 */
	public static ShardPosition atTimestamp(Instant timestamp) {
		return new ShardPosition(Type.AT_TIMESTAMP, null, timestamp);
	}

	/**
	 * The kinds of position, named as the shard iterator types of both stream APIs.
	 */
	public enum Type {

		/** The oldest record still in the shard. */
		TRIM_HORIZON,

		/** Just after the newest record. */
		LATEST,

		/** The record with a sequence number. */
		AT_SEQUENCE_NUMBER,

		/** Just after the record with a sequence number. */
		AFTER_SEQUENCE_NUMBER,

		/** The first record at or after a time (Kinesis only). */
		AT_TIMESTAMP;

		boolean needsSequenceNumber() {
			return this == AT_SEQUENCE_NUMBER || this == AFTER_SEQUENCE_NUMBER;
		}

	}

}
