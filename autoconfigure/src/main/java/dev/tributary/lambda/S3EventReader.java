package dev.tributary.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import dev.tributary.S3EventRecord;
import dev.tributary.s3.S3EventCodec;
import dev.tributary.s3.S3EventException;

import org.springframework.util.Assert;

/**
 * Reads the S3 event S3 sends a function it invokes directly. An event it cannot fully read fails
 * the invocation (Lambda retries it), naming the processor and where the event is wrong.
 *
 * @author Tributary
 */
final class S3EventReader implements LambdaEventReader<S3EventRecord> {

	private final S3EventCodec codec;

	private final String processorName;

	S3EventReader(S3EventCodec codec, String processorName) {
		Assert.notNull(codec, "'codec' must not be null");
		Assert.hasText(processorName, "'processorName' must not be empty");
		this.codec = codec;
		this.processorName = processorName;
	}

	@Override
	public LambdaBatch<S3EventRecord> read(InputStream input) {
		List<S3EventRecord> records;
		try {
			records = this.codec.readEvent(input.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to read the Lambda event for processor '" + this.processorName + "'",
					ex);
		}
		catch (S3EventException ex) {
			throw new S3EventNotificationException("Processor '" + this.processorName + "' is invoked by S3 directly "
					+ "and cannot take this event: " + ex.getMessage() + ". The invocation fails as a whole so that "
					+ "Lambda retries it", ex);
		}
		return new LambdaBatch<>(records, records.isEmpty() ? null : "arn:aws:s3:::" + records.get(0).bucket(), null);
	}

}
