package dev.tributary.kinesis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the Kinesis event files under {@code src/test/resources/events/kinesis}.
 */
final class KinesisEvents {

	private KinesisEvents() {
	}

	static byte[] read(String name) {
		try (InputStream input = KinesisEvents.class.getResourceAsStream("/events/kinesis/" + name)) {
			if (input == null) {
				throw new IllegalArgumentException("No event file " + name);
			}
			return input.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
