package dev.tributary;

/**
 * What a DynamoDB stream writes for each change, from the smallest payload to the largest.
 *
 * @author Tributary
 */
public enum StreamViewType {

	/** Only the key attributes of the changed item. */
	KEYS_ONLY(false, false),

	/** The item as it appears after the change. */
	NEW_IMAGE(true, false),

	/** The item as it appeared before the change. */
	OLD_IMAGE(false, true),

	/** Both the item before and after the change. */
	NEW_AND_OLD_IMAGES(true, true);

	private final boolean newImage;

	private final boolean oldImage;

	StreamViewType(boolean newImage, boolean oldImage) {
		this.newImage = newImage;
		this.oldImage = oldImage;
	}

	/**
	 * Whether records of this view type carry the new image.
	 * @return {@code true} for {@link #NEW_IMAGE} and {@link #NEW_AND_OLD_IMAGES}
	 */
	public boolean includesNewImage() {
		return this.newImage;
	}

	/**
	 * Whether records of this view type carry the old image.
	 * @return {@code true} for {@link #OLD_IMAGE} and {@link #NEW_AND_OLD_IMAGES}
	 */
	public boolean includesOldImage() {
		return this.oldImage;
	}

	/**
	 * Whether a stream of this view type gives everything a processor asking for
	 * {@code required} needs.
	 * @param required the view type a processor asked for
	 * @return whether this view type covers it
	 */
	public boolean covers(StreamViewType required) {
		return (this.newImage || !required.newImage) && (this.oldImage || !required.oldImage);
	}

	/**
	 * The smallest view type that covers both view types, used when two processors share one
	 * table's stream.
	 * @param other the other view type
	 * @return the smallest view type covering both
	 */
	public StreamViewType union(StreamViewType other) {
		boolean n = this.newImage || other.newImage;
		boolean o = this.oldImage || other.oldImage;
		if (n && o) {
			return NEW_AND_OLD_IMAGES;
		}
		return n ? NEW_IMAGE : (o ? OLD_IMAGE : KEYS_ONLY);
	}

}
