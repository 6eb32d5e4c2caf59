package dev.tributary;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.util.Assert;

/**
 * One change to a DynamoDB table, as its stream reports it, with the old and new images mapped
 * to {@code T}.
 * <p>
 * Which images are present depends on the stream's {@link #streamViewType() view type} and the
 * {@link #eventName() kind of change}: an {@link EventName#INSERT} has no old image, a
 * {@link EventName#REMOVE} no new image, and a {@link StreamViewType#KEYS_ONLY} stream neither.
 * The raw attribute maps are always available next to the mapped images.
 *
 * @param <T> the type images are mapped to
 * @author Tributary
 */
public final class StreamRecord<T> implements SourceRecord {

	private final String eventId;

	private final EventName eventName;

	private final Map<String, AttributeValue> keys;

	private final @Nullable T oldImage;

	private final @Nullable T newImage;

	private final Map<String, AttributeValue> oldImageAttributes;

	private final Map<String, AttributeValue> newImageAttributes;

	private final String sequenceNumber;

	private final @Nullable Instant approximateCreationTime;

	private final long sizeBytes;

	private final StreamViewType streamViewType;

	private final String eventSourceArn;

	private final String awsRegion;

	private final boolean ttlExpiry;

	private StreamRecord(Builder<T> builder) {
		Assert.hasText(builder.eventId, "'eventId' must not be empty");
		Assert.notNull(builder.eventName, "'eventName' must not be null");
		Assert.hasText(builder.sequenceNumber, "'sequenceNumber' must not be empty");
		Assert.notNull(builder.streamViewType, "'streamViewType' must not be null");
		this.eventId = builder.eventId;
		this.eventName = builder.eventName;
		this.keys = copy(builder.keys);
		this.oldImage = builder.oldImage;
		this.newImage = builder.newImage;
		this.oldImageAttributes = copy(builder.oldImageAttributes);
		this.newImageAttributes = copy(builder.newImageAttributes);
		this.sequenceNumber = builder.sequenceNumber;
		this.approximateCreationTime = builder.approximateCreationTime;
		this.sizeBytes = builder.sizeBytes;
		this.streamViewType = builder.streamViewType;
		this.eventSourceArn = (builder.eventSourceArn != null) ? builder.eventSourceArn : "";
		this.awsRegion = (builder.awsRegion != null) ? builder.awsRegion : "";
		this.ttlExpiry = builder.ttlExpiry;
	}

	// Map.copyOf goes through an entry array and a probing table; for the few attributes of a key
	// or an image a linked copy is cheaper under Lambda's C1, and it keeps the stream's order.
	private static Map<String, AttributeValue> copy(Map<String, AttributeValue> attributes) {
		if (attributes.isEmpty()) {
			return Map.of();
		}
		Map<String, AttributeValue> copy = new LinkedHashMap<>((int) (attributes.size() / 0.75f) + 1);
		attributes.forEach((name, value) -> {
			if (name == null || value == null) {
				throw new IllegalArgumentException("Attribute names and values must not be null");
			}
			copy.put(name, value);
		});
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * Create a builder for a record.
	 * @param <T> the image type
	 * @return a new builder
	 */
	public static <T> Builder<T> builder() {
		return new Builder<>();
	}

	/**
	 * Globally unique identifier of this change.
	 * @return the event id
	 */
	public String eventId() {
		return this.eventId;
	}

	/**
	 * Kind of change.
	 * @return the event name
	 */
	public EventName eventName() {
		return this.eventName;
	}

	/**
	 * Key attributes of the changed item, present for every view type.
	 * @return the keys, never {@code null}
	 */
	public Map<String, AttributeValue> keys() {
		return this.keys;
	}

	/**
	 * Item before the change, mapped to {@code T}.
	 * @return the old image, empty for inserts and for view types without old images
	 */
	public Optional<T> oldImage() {
		return Optional.ofNullable(this.oldImage);
	}

	/**
	 * Item after the change, mapped to {@code T}.
	 * @return the new image, empty for removals and for view types without new images
	 */
	public Optional<T> newImage() {
		return Optional.ofNullable(this.newImage);
	}

	/**
	 * Item before the change, as the stream carried it.
	 * @return the raw old image, empty when there is none
	 */
	public Map<String, AttributeValue> oldImageAttributes() {
		return this.oldImageAttributes;
	}

	/**
	 * Item after the change, as the stream carried it.
	 * @return the raw new image, empty when there is none
	 */
	public Map<String, AttributeValue> newImageAttributes() {
		return this.newImageAttributes;
	}

	/**
	 * Position of this record in its shard. Sequence numbers grow within a shard but are not
	 * contiguous; compare them as numbers, not strings.
	 * @return the sequence number
	 */
	public String sequenceNumber() {
		return this.sequenceNumber;
	}

	/**
	 * The sequence number, which Lambda expects back when this record fails.
	 * @return the sequence number
	 */
	@Override
	public String itemIdentifier() {
		return this.sequenceNumber;
	}

	/**
	 * The item's keys: the records of one item are delivered in order.
	 * @return the keys
	 */
	@Override
	public Object orderingKey() {
		return keys();
	}

	/**
	 * Approximate time the change was made, to the second.
	 * @return the approximate creation time, empty if the stream did not report it
	 */
	public Optional<Instant> approximateCreationTime() {
		return Optional.ofNullable(this.approximateCreationTime);
	}

	/**
	 * Size of the stream record in bytes, as DynamoDB reports it.
	 * @return the size in bytes
	 */
	public long sizeBytes() {
		return this.sizeBytes;
	}

	/**
	 * View type of the stream this record came from.
	 * @return the stream view type
	 */
	public StreamViewType streamViewType() {
		return this.streamViewType;
	}

	/**
	 * ARN of the stream this record came from.
	 * @return the event source ARN, empty if unknown
	 */
	public String eventSourceArn() {
		return this.eventSourceArn;
	}

	/**
	 * Region of the table.
	 * @return the AWS region, empty if unknown
	 */
	public String awsRegion() {
		return this.awsRegion;
	}

	/**
	 * Whether this record is a {@link EventName#REMOVE} made by DynamoDB's time-to-live
	 * process rather than by a caller (its user identity is the principal
	 * {@code dynamodb.amazonaws.com}).
	 * @return whether the item expired
	 */
	public boolean isTtlExpiry() {
		return this.ttlExpiry;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof StreamRecord<?> that)) {
			return false;
		}
		return this.eventId.equals(that.eventId) && this.sequenceNumber.equals(that.sequenceNumber)
				&& this.eventSourceArn.equals(that.eventSourceArn);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.eventId, this.sequenceNumber, this.eventSourceArn);
	}

	@Override
	public String toString() {
		// Images may hold personal data: keys and positions only.
		return "StreamRecord[" + this.eventName + " keys=" + this.keys.keySet() + " sequenceNumber="
				+ this.sequenceNumber + " eventId=" + this.eventId + "]";
	}

	/**
	 * Builder for {@link StreamRecord}.
	 *
	 * @param <T> the image type
	 */
	public static final class Builder<T> {

		private @Nullable String eventId;

		private @Nullable EventName eventName;

		private Map<String, AttributeValue> keys = Map.of();

		private @Nullable T oldImage;

		private @Nullable T newImage;

		private Map<String, AttributeValue> oldImageAttributes = Map.of();

		private Map<String, AttributeValue> newImageAttributes = Map.of();

		private @Nullable String sequenceNumber;

		private @Nullable Instant approximateCreationTime;

		private long sizeBytes;

		private @Nullable StreamViewType streamViewType;

		private @Nullable String eventSourceArn;

		private @Nullable String awsRegion;

		private boolean ttlExpiry;

		private Builder() {
		}

		public Builder<T> eventId(String eventId) {
			this.eventId = eventId;
			return this;
		}

		public Builder<T> eventName(EventName eventName) {
			this.eventName = eventName;
			return this;
		}

		public Builder<T> keys(Map<String, AttributeValue> keys) {
			this.keys = keys;
			return this;
		}

		public Builder<T> oldImage(@Nullable T oldImage, Map<String, AttributeValue> attributes) {
			this.oldImage = oldImage;
			this.oldImageAttributes = attributes;
			return this;
		}

		public Builder<T> newImage(@Nullable T newImage, Map<String, AttributeValue> attributes) {
			this.newImage = newImage;
			this.newImageAttributes = attributes;
			return this;
		}

		public Builder<T> sequenceNumber(String sequenceNumber) {
			this.sequenceNumber = sequenceNumber;
			return this;
		}

		public Builder<T> approximateCreationTime(@Nullable Instant approximateCreationTime) {
			this.approximateCreationTime = approximateCreationTime;
			return this;
		}

		public Builder<T> sizeBytes(long sizeBytes) {
			this.sizeBytes = sizeBytes;
			return this;
		}

		public Builder<T> streamViewType(StreamViewType streamViewType) {
			this.streamViewType = streamViewType;
			return this;
		}

		public Builder<T> eventSourceArn(@Nullable String eventSourceArn) {
			this.eventSourceArn = eventSourceArn;
			return this;
		}

		public Builder<T> awsRegion(@Nullable String awsRegion) {
			this.awsRegion = awsRegion;
			return this;
		}

		public Builder<T> ttlExpiry(boolean ttlExpiry) {
			this.ttlExpiry = ttlExpiry;
			return this;
		}

		public StreamRecord<T> build() {
			return new StreamRecord<>(this);
		}

	}

}
