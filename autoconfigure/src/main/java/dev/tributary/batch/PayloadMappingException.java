package dev.tributary.batch;

import dev.tributary.RecordProcessingException;

/**
 * A record whose payload could not be mapped to the processor's type. Like a
 * {@link RecordMappingException} for a DynamoDB image, it fails the batch at that record: the
 * records before it count as processed, and it is retried, then sent to the failure destination
 * with its contents and this reason. The message names the record and the type, never the
 * payload's content.
 *
 * @author Tributary
 */
public class PayloadMappingException extends RecordProcessingException {

	/**
	 * Create a new exception.
	 * @param itemIdentifier the identifier the failure is reported by (a sequence number)
	 * @param message which record, which type, and where in the payload mapping failed
	 * @param cause the mapper's error
	 */
	public PayloadMappingException(String itemIdentifier, String message, Throwable cause) {
		super(itemIdentifier, message, cause);
	}

}
