package dev.tributary.local.failure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.util.Assert;

/**
 * {@link FailureDestination} that sends one SQS message per failed batch, with the records'
 * full contents (see {@code FailedBatchMessage} for the body).
 *
 * @author Tributary
 */
public final class SqsFailureDestination implements FailureDestination {

	private static final Log logger = LogFactory.getLog(SqsFailureDestination.class);

	private final SqsClient client;

	private final FailureDestinationAddress queue;

	private volatile @Nullable String queueUrl;

	/**
	 * Create a destination.
	 * @param client the SQS client
	 * @param queue the queue's name, ARN or URL; a name or ARN is looked up on the first send
	 */
	public SqsFailureDestination(SqsClient client, String queue) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(queue, "'queue' must not be empty");
		this.client = client;
		this.queue = FailureDestinationAddress.parse(queue);
		Assert.isTrue(this.queue.kind() == FailureDestinationAddress.Kind.QUEUE,
				() -> "'" + queue + "' is not an SQS queue");
		this.queueUrl = this.queue.isUrl() ? this.queue.value() : null;
	}

	@Override
	public void send(FailedBatch<?> batch) {
		String url = queueUrl();
		this.client.sendMessage((request) -> request.queueUrl(url).messageBody(FailedBatchMessage.toJson(batch)));
		logger.warn("Processor '" + batch.processor() + "' sent " + batch.records().size() + " record(s) of shard "
				+ batch.shardId() + " (" + batch.firstSequenceNumber() + " to " + batch.lastSequenceNumber()
				+ ", " + batch.reason() + " after " + batch.attempts() + " attempt(s)) to " + this);
	}

	private String queueUrl() {
		String url = this.queueUrl;
		if (url == null) {
			url = this.client.getQueueUrl((request) -> request.queueName(this.queue.name())
				.queueOwnerAWSAccountId(this.queue.isArn() ? this.queue.account() : null)).queueUrl();
			this.queueUrl = url;
		}
		return url;
	}

	@Override
	public String toString() {
		return "SQS queue " + this.queue.value();
	}

}
