package dev.tributary.lambda;

import java.io.InputStream;

/**
 * Reads one processor's Lambda event with its source's codec. An input the source cannot take
 * at all (not JSON, another source's event, a record with no identifier to report it by) is an
 * exception naming the processor and what the input looks like, so the invocation fails as a
 * whole and Lambda retries the batch.
 *
 * @param <R> the source's raw record type
 * @author Tributary
 */
@FunctionalInterface
public interface LambdaEventReader<R> {

	/**
	 * Read one event. The stream is not closed.
	 * @param input the event JSON
	 * @return the records and the first malformed one
	 */
	LambdaBatch<R> read(InputStream input);

}
