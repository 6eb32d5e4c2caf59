package dev.tributary.benchmarks.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads the sample app's output on a thread of its own and notes when the stream processor
 * logged each item ({@code INSERT: <id> -> <content>}), the moment it saw the record, and when
 * the queue processor logged each message ({@code QUEUED: INSERT <id> -> <content>}).
 *
 * @author Tributary
 */
final class ProcessorLog {

	private static final Pattern INSERT = Pattern.compile("INSERT: (\\S+) -> ");

	private static final Pattern QUEUED = Pattern.compile("QUEUED: \\S+ (\\S+) -> ");

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	private final Map<String, Long> queued = new ConcurrentHashMap<>();

	private final CountDownLatch started = new CountDownLatch(1);

	private final StringBuffer tail = new StringBuffer();

	ProcessorLog(InputStream output) {
		Thread reader = new Thread(() -> read(output), "sample-app-output");
		reader.setDaemon(true);
		reader.start();
	}

	private void read(InputStream output) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				long now = System.nanoTime();
				Matcher insert = INSERT.matcher(line);
				Matcher queuedLine = QUEUED.matcher(line);
				if (insert.find()) {
					this.seen.putIfAbsent(insert.group(1), now);
				}
				else if (queuedLine.find()) {
					this.queued.putIfAbsent(queuedLine.group(1), now);
				}
				else {
					if (line.contains("Tributary local runtime started")) {
						this.started.countDown();
					}
					if (this.tail.length() > 20_000) {
						this.tail.delete(0, 10_000);
					}
					this.tail.append(line).append('\n');
				}
			}
		}
		catch (IOException ex) {
			// The app was stopped.
		}
	}

	void awaitStarted(Duration timeout) throws InterruptedException {
		if (!this.started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("The sample app did not start its local runtime within " + timeout
					+ "; its output:\n" + this.tail);
		}
	}

	/**
	 * When the processor logged an item.
	 * @param id the item's id
	 * @return {@link System#nanoTime()} when the line was read, or {@code null} if not yet
	 */
	@Nullable Long seenAt(String id) {
		return this.seen.get(id);
	}

	/**
	 * When the queue processor logged a message.
	 * @param id the item id in the message's body
	 * @return {@link System#nanoTime()} when the line was read, or {@code null} if not yet
	 */
	@Nullable Long queuedAt(String id) {
		return this.queued.get(id);
	}

	boolean awaitAll(Iterable<String> ids, Duration timeout) throws InterruptedException {
		return await(this.seen, ids, timeout);
	}

	boolean awaitQueued(Iterable<String> ids, Duration timeout) throws InterruptedException {
		return await(this.queued, ids, timeout);
	}

	private static boolean await(Map<String, Long> lines, Iterable<String> ids, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (String id : ids) {
			while (!lines.containsKey(id)) {
				if (System.nanoTime() > deadline) {
					return false;
				}
				Thread.sleep(5);
			}
		}
		return true;
	}

}
