package dev.tributary.benchmarks.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Writes the event files every variant is invoked with: the cold-start event (the walkthrough's
 * INSERT, MODIFY and REMOVE), batches of DynamoDB INSERT records with an image of about 1 KB,
 * batches of Kinesis records with a payload of 1 KB of text, and batches of SQS messages whose
 * body is the fan-out's JSON of such an INSERT.
 *
 * @author Tributary
 */
public final class EventFiles {

	/** Length of each generated item's {@code content}, so that a record is about 1 KB. */
	static final int CONTENT_LENGTH = 1000;

	private final Path directory;

	/**
	 * Create event files in a directory.
	 * @param directory where to write them
	 */
	public EventFiles(Path directory) {
		this.directory = directory;
	}

	/**
	 * The cold-start event: the walkthrough's three changes to item {@code one}.
	 * @return the file
	 */
	public Path coldStart() {
		return write("cold-start.json", resource("cold-start.json"));
	}

	/**
	 * An event of {@code size} INSERT records of about 1 KB each.
	 * @param size number of records
	 * @return the file
	 */
	public Path inserts(int size) {
		return write("inserts-" + size + ".json", insertsJson(size));
	}

	/**
	 * The JSON of an event of {@code size} INSERT records of about 1 KB each.
	 * @param size number of records
	 * @return the event
	 */
	public static String insertsJson(int size) {
		String template = resource("insert-record-template.json");
		StringJoiner records = new StringJoiner(",\n", "{\"Records\": [\n", "\n]}\n");
		for (int i = 0; i < size; i++) {
			String id = "item-" + i;
			String content = content(i);
			records.add(template.replace("${eventId}", "event-" + i)
				.replace("${id}", id)
				.replace("${content}", content)
				.replace("${sequenceNumber}", String.valueOf(100_000_000_000L + i))
				.replace("${sizeBytes}", String.valueOf(2 * id.length() + content.length() + 20)));
		}
		return records.toString();
	}

	/**
	 * An event of {@code size} Kinesis records, each with a {@value #CONTENT_LENGTH}-byte text
	 * payload, on one shard of the sample app's {@code Events} stream.
	 * @param size number of records
	 * @return the file
	 */
	public Path kinesisRecords(int size) {
		return write("kinesis-" + size + ".json", kinesisJson(size));
	}

	/**
	 * The JSON of an event of {@code size} Kinesis records, as {@link #kinesisRecords(int)}.
	 * @param size number of records
	 * @return the event
	 */
	public static String kinesisJson(int size) {
		String template = resource("kinesis-record-template.json");
		StringJoiner records = new StringJoiner(",\n", "{\"Records\": [\n", "\n]}\n");
		for (int i = 0; i < size; i++) {
			String data = Base64.getEncoder().encodeToString(content(i).getBytes(StandardCharsets.UTF_8));
			records.add(template.replace("${partitionKey}", "item-" + i)
				.replace("${sequenceNumber}", sequenceNumber(i))
				.replace("${data}", data));
		}
		return records.toString();
	}

	/**
	 * An event of {@code size} messages of the sample app's {@code ItemChanges} queue, each with
	 * the body the sample's fan-out sends for an INSERT whose {@code content} is
	 * {@value #CONTENT_LENGTH} characters (docs/sqs.md section 5), and the fields Lambda gives a
	 * message of a standard queue.
	 * @param size number of messages
	 * @return the file
	 */
	public Path sqsMessages(int size) {
		return write("sqs-" + size + ".json", sqsJson(size));
	}

	/**
	 * The JSON of an event of {@code size} SQS messages, as {@link #sqsMessages(int)}.
	 * @param size number of messages
	 * @return the event
	 */
	public static String sqsJson(int size) {
		String template = resource("sqs-message-template.json");
		StringJoiner records = new StringJoiner(",\n", "{\"Records\": [\n", "\n]}\n");
		long sentAt = 1_764_000_000_123L;
		for (int i = 0; i < size; i++) {
			String id = "item-" + i;
			String body = "{\"eventName\":\"INSERT\",\"keys\":{\"id\":\"" + id + "\"},\"newImage\":{\"id\":\"" + id
					+ "\",\"content\":\"" + content(i) + "\"},\"sequenceNumber\":\"" + (100_000_000_000L + i)
					+ "\",\"approximateCreationTime\":\"2026-11-25T00:00:00Z\",\"eventSourceArn\":\""
					+ "arn:aws:dynamodb:us-east-1:123456789012:table/Items/stream/2026-11-25T00:00:00.000\"}";
			records.add(template
				.replace("${messageId}", UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString())
				.replace("${receiptHandle}", receiptHandle(i))
				// JSON in a JSON string: its quotes escaped (it holds no backslash or control character).
				.replace("${body}", body.replace("\"", "\\\""))
				.replace("${sentTimestamp}", String.valueOf(sentAt + i))
				.replace("${firstReceiveTimestamp}", String.valueOf(sentAt + i + 35))
				.replace("${md5OfBody}", md5(body)));
		}
		return records.toString();
	}

	// Opaque to the consumer, and about as long as SQS's.
	private static String receiptHandle(int seed) {
		byte[] bytes = new byte[280];
		new Random(seed).nextBytes(bytes);
		return "AQEB" + Base64.getEncoder().encodeToString(bytes);
	}

	private static String md5(String body) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is not available", ex);
		}
	}

	// Kinesis sequence numbers are 56 decimal digits, increasing along the shard.
	private static String sequenceNumber(int index) {
		return "4959033827149025660855969253836157109592157598913" + String.format(Locale.ROOT, "%07d", index);
	}

	private static String content(int seed) {
		StringBuilder content = new StringBuilder(CONTENT_LENGTH);
		while (content.length() < CONTENT_LENGTH) {
			content.append("lorem ipsum ").append(seed).append(' ');
		}
		return content.substring(0, CONTENT_LENGTH);
	}

	private Path write(String name, String json) {
		try {
			Files.createDirectories(this.directory);
			Path file = this.directory.resolve(name);
			Files.writeString(file, json);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String resource(String name) {
		try (InputStream input = EventFiles.class.getResourceAsStream("/events/" + name)) {
			if (input == null) {
				throw new IllegalStateException("Missing resource events/" + name);
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
