package dev.tributary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import dev.tributary.kinesis.PayloadMappers;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Reads the object an {@link S3EventRecord} points at, without holding more of it in memory than
 * asked: as a stream, as text up to a limit, or mapped from JSON to a type straight from the
 * stream. It reads the version the event names when the bucket is versioned, so a later overwrite
 * does not change what an old event reads. A failure (the object is gone, too large, not the
 * type) is a {@link RecordProcessingException} of that record, so the batch's partial failure
 * names it.
 * <pre class="code">
 * &#64;Bean
 * &#64;S3EventProcessor(bucket = "Orders", suffix = ".json")
 * Function&lt;Flux&lt;S3EventRecord&gt;, Mono&lt;Void&gt;&gt; importOrders(S3Objects objects) {
 *     return StreamProcessors.forEach((record) -&gt; orders.save(objects.read(record, Order.class)));
 * }
 * </pre>
 *
 * @author Tributary
 */
public final class S3Objects {

	private final Supplier<S3Client> client;

	private final JsonMapper json;

	/**
	 * Create a reader.
	 * @param client supplies the S3 client (in Lambda, made on first use)
	 * @param json maps JSON content
	 */
	public S3Objects(Supplier<S3Client> client, JsonMapper json) {
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(json, "'json' must not be null");
		this.client = client;
		this.json = json;
	}

	/**
	 * Open the object as a stream; the caller closes it.
	 * @param record the event
	 * @return the object's content
	 * @throws RecordProcessingException if the object cannot be read
	 */
	public ResponseInputStream<GetObjectResponse> open(S3EventRecord record) {
		Assert.notNull(record, "'record' must not be null");
		try {
			return this.client.get().getObject((request) -> {
				request.bucket(record.bucket()).key(record.key());
				if (record.versionId() != null) {
					request.versionId(record.versionId());
				}
			});
		}
		catch (RuntimeException ex) {
			throw new RecordProcessingException(record, ex);
		}
	}

	/**
	 * The object's content as UTF-8 text.
	 * @param record the event
	 * @param maxBytes the most bytes to read; a larger object fails the record
	 * @return the text
	 * @throws RecordProcessingException if the object cannot be read or is larger
	 */
	public String readString(S3EventRecord record, int maxBytes) {
		Assert.isTrue(maxBytes >= 0, "'maxBytes' must not be negative");
		try (InputStream content = open(record)) {
			byte[] bytes = content.readNBytes(maxBytes + 1);
			if (bytes.length > maxBytes) {
				throw new RecordProcessingException(record, new IllegalStateException("Object of " + record.size()
						+ " bytes in bucket " + record.bucket() + " is larger than the " + maxBytes
						+ " bytes asked for"));
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new RecordProcessingException(record, new UncheckedIOException(ex));
		}
	}

	/**
	 * The object's JSON content mapped to a type, read from the stream.
	 * @param <T> the type
	 * @param record the event
	 * @param type the type
	 * @return the content
	 * @throws RecordProcessingException if the object cannot be read or mapped
	 */
	public <T> T read(S3EventRecord record, Class<T> type) {
		Assert.notNull(type, "'type' must not be null");
		try (InputStream content = open(record)) {
			return this.json.readValue(content, type);
		}
		catch (JacksonException ex) {
			// Where and why, never the content (Jackson's own message quotes values), which may
			// hold personal data.
			throw new RecordProcessingException(record, new IllegalArgumentException("Object in bucket "
					+ record.bucket() + " cannot be mapped to " + type.getName() + ": "
					+ PayloadMappers.describeFailure(ex)));
		}
		catch (IOException ex) {
			throw new RecordProcessingException(record, new UncheckedIOException(ex));
		}
	}

}
