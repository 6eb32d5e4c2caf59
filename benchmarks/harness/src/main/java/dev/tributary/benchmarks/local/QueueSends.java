package dev.tributary.benchmarks.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

import dev.tributary.benchmarks.report.Samples;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends messages straight to the sample app's {@code ItemChanges} queue at a steady pace, each
 * with the body the sample's fan-out sends for an INSERT and an id of its own, and times each
 * from just before its SendMessage to the {@code logQueued} processor's
 * {@code QUEUED: INSERT <id> -> ...} line for it.
 *
 * @author Tributary
 */
final class QueueSends {

	/** The queue the sample app's {@code logQueued} processor reads. */
	static final String QUEUE = "ItemChanges";

	private final SqsClient sqs;

	private final String queueUrl;

	private final ProcessorLog log;

	QueueSends(SqsClient sqs, ProcessorLog log) {
		this.sqs = sqs;
		this.queueUrl = sqs.getQueueUrl((request) -> request.queueName(QUEUE)).queueUrl();
		this.log = log;
	}

	/**
	 * Send messages at a pace and wait until the processor has logged each.
	 * @param prefix what the messages' item ids start with, distinct from every other id
	 * @param sends how many messages
	 * @param sendsPerSecond their pace
	 * @return milliseconds from each SendMessage to its log line
	 * @throws InterruptedException if interrupted
	 */
	Samples paced(String prefix, int sends, double sendsPerSecond) throws InterruptedException {
		Map<String, Long> sentAt = new LinkedHashMap<>();
		long start = System.nanoTime();
		long interval = (long) (1e9 / sendsPerSecond);
		for (int i = 0; i < sends; i++) {
			LockSupport.parkNanos(start + i * interval - System.nanoTime());
			String id = prefix + i;
			String body = "{\"eventName\":\"INSERT\",\"keys\":{\"id\":\"" + id + "\"},\"newImage\":{\"id\":\"" + id
					+ "\",\"content\":\"benchmark\"},\"sequenceNumber\":\"" + i + "\"}";
			sentAt.put(id, System.nanoTime());
			this.sqs.sendMessage((send) -> send.queueUrl(this.queueUrl).messageBody(body));
		}
		if (!this.log.awaitQueued(sentAt.keySet(), Duration.ofSeconds(60))) {
			throw new IllegalStateException("The SQS processor did not log every " + prefix + " message within 60s");
		}
		Samples latency = new Samples();
		sentAt.forEach((id, at) -> latency.add((queuedAt(id) - at) / 1e6));
		return latency;
	}

	private long queuedAt(String id) {
		return Objects.requireNonNull(this.log.queuedAt(id), () -> "Message " + id + " was not logged");
	}

}
