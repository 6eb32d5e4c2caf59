package dev.tributary.batch;

import dev.tributary.ImageMappingException;
import dev.tributary.RecordProcessingException;

/**
 * A stream record whose image could not be mapped to the processor's type. It fails the batch
 * at that record, exactly like a {@link RecordProcessingException} from the processor.
 *
 * @author Tributary
 */
public class RecordMappingException extends RecordProcessingException {

	private final String eventId;

	/**
	 * Create a new exception.
	 * @param sequenceNumber the record's sequence number
	 * @param eventId the record's event id
	 * @param image which image failed ({@code NewImage} or {@code OldImage})
	 * @param cause the mapping failure, naming the attribute and type
	 */
	public RecordMappingException(String sequenceNumber, String eventId, String image, ImageMappingException cause) {
		super(sequenceNumber, "Record " + sequenceNumber + " (event " + eventId + "): " + image + ": "
				+ cause.getMessage(), cause);
		this.eventId = eventId;
	}

	/**
	 * Event id of the record that could not be mapped.
	 * @return the event id
	 */
	public String getEventId() {
		return this.eventId;
	}

}
