package dev.tributary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.tributary.dynamodb.StreamChangeJson;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import org.springframework.util.Assert;

/**
 * Forwards a processor's records to an SQS queue, for fanning stream changes (or anything else)
 * out to consumers downstream:
 * <pre class="code">
 * &#64;Bean
 * &#64;DynamoDbStreamProcessor(table = "Items", viewType = NEW_AND_OLD_IMAGES)
 * Function&lt;Flux&lt;StreamRecord&lt;Item&gt;&gt;, Mono&lt;Void&gt;&gt; forwardItems(SqsFanOut fanOut) {
 *     return fanOut.changesTo("ItemChanges");
 * }
 * </pre>
 * {@link #changesTo(String)} sends DynamoDB changes in the JSON form of {@link StreamChange},
 * which the queue's processors read as {@code SqsMessage<StreamChange<Item>>};
 * {@link #to(String, Function)} sends any body. The sending processor declares its queues
 * ({@code sendsTo} on its annotation, or {@code tributary.processors.<name>.sends-to}), from which
 * deploy grants its role {@code sqs:SendMessage} on exactly them; a fan-out to a queue no processor
 * declares fails at startup.
 * Records go out in order, ten to a {@code SendMessageBatch} call. Entries SQS refuses for a
 * reason of its own (throttling, an internal error) are sent again, up to
 * {@value #MAX_ATTEMPTS} attempts; a record that still cannot be sent fails as that record
 * ({@link RecordProcessingException}), so a partial batch failure names exactly where forwarding
 * stopped and the records before it count as done. Records of the same call after the failed one
 * were sent already and are sent again on the retry: downstream receives at least once.
 * <p>
 * For a FIFO queue, the message group id is the record's ordering key (an item's keys, a
 * partition key), so the changes of one item stay in order, and the deduplication id is a digest
 * of the record's item identifier and body, the same on every retry.
 *
 * @author Tributary
 */
public final class SqsFanOut {

	/** Attempts per entry before its record fails. */
	public static final int MAX_ATTEMPTS = 4;

	private static final int MAX_ENTRIES = 10;

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	private final Supplier<SqsClient> client;

	private final Function<String, SqsQueueDescriptor> queues;

	private final Map<String, String> urls = new ConcurrentHashMap<>();

	private final Set<SqsQueueDescriptor> targets = ConcurrentHashMap.newKeySet();

	/**
	 * Create a fan-out.
	 * @param client the SQS client
	 * @param queues resolves a queue id (as {@code @SqsQueueProcessor(queue)} takes it: an id of
	 * {@code tributary.queues}, or an ARN) to the queue
	 */
	public SqsFanOut(SqsClient client, Function<String, SqsQueueDescriptor> queues) {
		this(supplied(client), queues);
	}

	/**
	 * Create a fan-out whose client is made when the first record is sent (in Lambda, so that a
	 * function that never sends does not pay for an SDK client at its cold start).
	 * @param client supplies the SQS client, once
	 * @param queues resolves a queue id (as {@code @SqsQueueProcessor(queue)} takes it: an id of
	 * {@code tributary.queues}, or an ARN) to the queue
	 */
	public SqsFanOut(Supplier<SqsClient> client, Function<String, SqsQueueDescriptor> queues) {
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(queues, "'queues' must not be null");
		this.client = client;
		this.queues = queues;
	}

	private static Supplier<SqsClient> supplied(SqsClient client) {
		Assert.notNull(client, "'client' must not be null");
		return () -> client;
	}

	/**
	 * A processor that forwards every DynamoDB change to a queue as the JSON of a
	 * {@link StreamChange}, for processors of the queue to read as
	 * {@code SqsMessage<StreamChange<T>>}.
	 * @param <T> the item type
	 * @param queue the queue's id (see {@code tributary.queues}) or ARN
	 * @return the processor's function
	 */
	public <T> Function<Flux<StreamRecord<T>>, Mono<Void>> changesTo(String queue) {
		return to(queue, StreamChangeJson::write);
	}

	/**
	 * A processor that forwards every record to a queue.
	 * @param <E> the processor's element type
	 * @param queue the queue's id (see {@code tributary.queues}) or ARN
	 * @param body the message body of a record
	 * @return the processor's function
	 */
	public <E extends SourceRecord> Function<Flux<E>, Mono<Void>> to(String queue,
			Function<? super E, String> body) {
		Assert.hasText(queue, "'queue' must not be empty");
		Assert.notNull(body, "'body' must not be null");
		SqsQueueDescriptor descriptor = this.queues.apply(queue);
		this.targets.add(descriptor);
		return (records) -> records.buffer(MAX_ENTRIES)
			.concatMap((chunk) -> Mono.fromRunnable(() -> send(descriptor, chunk, body)))
			.then();
	}

	/**
	 * The queues this fan-out was asked to send to, so far.
	 * @return the queues
	 */
	public Set<SqsQueueDescriptor> targets() {
		return Set.copyOf(this.targets);
	}

	private <E extends SourceRecord> void send(SqsQueueDescriptor queue, List<E> records,
			Function<? super E, String> body) {
		String url;
		try {
			url = url(queue);
		}
		catch (RuntimeException ex) {
			throw new RecordProcessingException(records.get(0), ex);
		}
		List<SendMessageBatchRequestEntry> entries = new ArrayList<>(records.size());
		RecordProcessingException bodyFailure = null;
		for (int i = 0; i < records.size() && bodyFailure == null; i++) {
			try {
				entries.add(entry(queue, i, records.get(i), body.apply(records.get(i))));
			}
			catch (RuntimeException ex) {
				// The records before it are sent first: they count as done once it fails.
				bodyFailure = new RecordProcessingException(records.get(i), ex);
			}
		}
		sendAll(queue, url, records, entries);
		if (bodyFailure != null) {
			throw bodyFailure;
		}
	}

	private <E extends SourceRecord> void sendAll(SqsQueueDescriptor queue, String url, List<E> records,
			List<SendMessageBatchRequestEntry> first) {
		List<SendMessageBatchRequestEntry> pending = first;
		Duration backoff = FIRST_BACKOFF;
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			List<SendMessageBatchRequestEntry> entries = pending;
			SendMessageBatchResponse response;
			try {
				response = this.client.get().sendMessageBatch((request) -> request.queueUrl(url).entries(entries));
			}
			catch (RuntimeException ex) {
				throw new RecordProcessingException(records.get(Integer.parseInt(entries.get(0).id())), ex);
			}
			List<SendMessageBatchRequestEntry> retry = new ArrayList<>();
			BatchResultErrorEntry refused = null;
			for (BatchResultErrorEntry error : response.failed()) {
				SendMessageBatchRequestEntry entry = entries.stream()
					.filter((candidate) -> candidate.id().equals(error.id()))
					.findFirst()
					.orElseThrow();
				if (!Boolean.TRUE.equals(error.senderFault()) && attempt < MAX_ATTEMPTS) {
					retry.add(entry);
				}
				else if (refused == null || Integer.parseInt(error.id()) < Integer.parseInt(refused.id())) {
					refused = error;
				}
			}
			if (refused != null) {
				throw new RecordProcessingException(records.get(Integer.parseInt(refused.id())),
						new IllegalStateException("SQS did not take the message for queue " + queue.name() + " ("
								+ refused.code() + (Boolean.TRUE.equals(refused.senderFault()) ? ", a sender fault" : "")
								+ ", attempt " + attempt + ")"));
			}
			pending = retry;
			if (!pending.isEmpty()) {
				sleep(backoff);
				backoff = backoff.multipliedBy(2);
			}
		}
	}

	private SendMessageBatchRequestEntry entry(SqsQueueDescriptor queue, int index, SourceRecord record,
			String body) {
		SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
			.id(String.valueOf(index))
			.messageBody(body);
		if (queue.fifo()) {
			Object key = record.orderingKey();
			entry.messageGroupId((key != null) ? digest(String.valueOf(key)) : "default")
				.messageDeduplicationId(digest(record.itemIdentifier() + "\n" + body));
		}
		return entry.build();
	}

	private String url(SqsQueueDescriptor queue) {
		return this.urls.computeIfAbsent(queue.id(), (id) -> {
			String arn = queue.arn();
			return this.client.get().getQueueUrl((request) -> {
				request.queueName(queue.name());
				if (arn != null) {
					request.queueOwnerAWSAccountId(arn.split(":")[4]);
				}
			}).queueUrl();
		});
	}

	// A group id and a deduplication id take at most 128 characters: a digest fits any key.
	private static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending to SQS", ex);
		}
	}

	/**
	 * Shows nothing of the queues' contents.
	 */
	@Override
	public String toString() {
		return "SqsFanOut[queues=" + this.urls.keySet() + "]";
	}

}
