package dev.tributary;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One S3 event notification record, as an {@link S3EventProcessor} receives it: what happened
 * ({@code ObjectCreated:Put}), to which object, when and by whom. The record points at the object
 * rather than carrying its content: read it with {@link S3Objects}.
 * <p>
 * S3 delivers at least once, and can deliver late or out of order; {@link #sequencer()} orders
 * the events of one key (see {@link #isAfter(S3EventRecord)}).
 *
 * @param itemIdentifier what a failure of this record reports: its SQS message id when
 * notifications come through a queue
 * @param eventName the event, without the {@code s3:} prefix: {@code ObjectCreated:Put},
 * {@code ObjectRemoved:Delete}, ...
 * @param eventTime when S3 recorded the event
 * @param bucket the bucket's name
 * @param key the object's key, URL-decoded
 * @param size the object's size in bytes (0 for a removal)
 * @param eTag the object's entity tag, or {@code null} (a removal)
 * @param versionId the object's version, or {@code null} when the bucket is not versioned
 * @param sequencer the event's position among the events of its key, or {@code null} when
 * not sent (moto sends none)
 * @param principalId who made the request, or {@code null} when not sent
 * @param awsRegion the bucket's region, or {@code null} when not sent
 * @author Tributary
 */
public record S3EventRecord(String itemIdentifier, String eventName, Instant eventTime, String bucket, String key,
		long size, @Nullable String eTag, @Nullable String versionId, @Nullable String sequencer,
		@Nullable String principalId, @Nullable String awsRegion) implements SourceRecord {

	public S3EventRecord {
		Assert.hasText(itemIdentifier, "'itemIdentifier' must not be empty");
		Assert.hasText(eventName, "'eventName' must not be empty");
		Assert.notNull(eventTime, "'eventTime' must not be null");
		Assert.hasText(bucket, "'bucket' must not be empty");
		Assert.notNull(key, "'key' must not be null");
	}

	/**
	 * The bucket and key: the events of one object.
	 * @return the ordering key
	 */
	@Override
	public Object orderingKey() {
		return this.bucket + "/" + this.key;
	}

	/**
	 * Whether an object was created (put, posted, copied, completed upload).
	 * @return whether the event is an {@code ObjectCreated} one
	 */
	public boolean isCreated() {
		return this.eventName.startsWith("ObjectCreated:");
	}

	/**
	 * Whether an object was removed (deleted, or a delete marker created).
	 * @return whether the event is an {@code ObjectRemoved} one
	 */
	public boolean isRemoved() {
		return this.eventName.startsWith("ObjectRemoved:");
	}

	/**
	 * The object's version, when the bucket is versioned.
	 * @return the version id
	 */
	public Optional<String> version() {
		return Optional.ofNullable(this.versionId);
	}

	/**
	 * Whether this event of a key comes after another event of the same key, by their
	 * sequencers (hexadecimal strings of varying length, compared as S3 documents: the longer
	 * is later, else the lexically greater).
	 * @param other an event of the same bucket and key
	 * @return whether this one is later
	 * @throws IllegalStateException if either event has no sequencer, or they concern different
	 * objects
	 */
	public boolean isAfter(S3EventRecord other) {
		Assert.notNull(other, "'other' must not be null");
		Assert.state(orderingKey().equals(other.orderingKey()), "Only events of one object can be ordered");
		Assert.state(this.sequencer != null && other.sequencer != null,
				"An event without a sequencer cannot be ordered (moto sends none)");
		if (this.sequencer.length() != other.sequencer.length()) {
			return this.sequencer.length() > other.sequencer.length();
		}
		return this.sequencer.compareTo(other.sequencer) > 0;
	}

}
