package dev.tributary.kinesis;

/**
 * Maps a record's payload bytes to the processor's type. Resolved once per processor by
 * {@link PayloadMappers}.
 *
 * @param <T> the type
 * @author Tributary
 */
@FunctionalInterface
public interface PayloadMapper<T> {

	/**
	 * Map one payload.
	 * @param data the payload's bytes (not to be modified)
	 * @return the mapped value
	 * @throws RuntimeException if the payload does not fit the type; the message must not
	 * contain the payload
	 */
	T map(byte[] data);

}
