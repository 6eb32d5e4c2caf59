package dev.tributary.test.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.Assert;

/**
 * A Lambda event as the function receives it: the JSON bytes of a DynamoDB Streams, Kinesis or
 * SQS event. Built by {@link DynamoDbEvents}, {@link KinesisEvents} or {@link SqsEvents}, or
 * read from a file, such as an event captured from AWS.
 *
 * @author Tributary
 */
public final class LambdaEvent {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final byte[] bytes;

	private LambdaEvent(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * An event from its JSON bytes (copied).
	 * @param bytes the event JSON
	 * @return the event
	 */
	public static LambdaEvent of(byte[] bytes) {
		Assert.notNull(bytes, "'bytes' must not be null");
		return new LambdaEvent(bytes.clone());
	}

	/**
	 * An event from a class path resource, such as {@code events/insert.json} under
	 * {@code src/test/resources}.
	 * @param path the resource's path
	 * @return the event
	 */
	public static LambdaEvent fromClasspath(String path) {
		Assert.hasText(path, "'path' must not be empty");
		ClassPathResource resource = new ClassPathResource(path);
		Assert.isTrue(resource.exists(), () -> "No event file '" + path + "' on the class path");
		try (InputStream input = resource.getInputStream()) {
			return new LambdaEvent(input.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read event file '" + path + "'", ex);
		}
	}

	static LambdaEvent ofRecords(Iterable<? extends Map<String, Object>> records) {
		return new LambdaEvent(json.writeValueAsBytes(Map.of("Records", records)));
	}

	/**
	 * The event's JSON.
	 * @return a copy of the bytes
	 */
	public byte[] bytes() {
		return this.bytes.clone();
	}

	/**
	 * The event's JSON as text.
	 * @return the JSON
	 */
	public String json() {
		return new String(this.bytes, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return json();
	}

}
