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

	private final String queue;

	private volatile @Nullable String queueUrl;

	/**
	 * Create a destination.
	 * @param client the SQS client
	 * @param queue the queue's name, ARN or URL
	 */
	public SqsFailureDestination(SqsClient client, String queue) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(queue, "'queue' must not be empty");
		this.client = client;
		this.queue = queue;
	}

	@Override
	public void send(FailedBatch batch) {
		String url = queueUrl();
		this.client.sendMessage((request) -> request.queueUrl(url).messageBody(FailedBatchMessage.toJson(batch)));
		logger.warn("Processor '" + batch.processor() + "' sent " + batch.records().size() + " record(s) of shard "
				+ batch.shardId() + " (" + batch.firstSequenceNumber() + " to " + batch.lastSequenceNumber()
				+ ", " + batch.reason() + " after " + batch.attempts() + " attempt(s)) to " + this.queue);
	}

	private String queueUrl() {
		String url = this.queueUrl;
		if (url == null) {
			url = this.queue.startsWith("https://") || this.queue.startsWith("http://") ? this.queue
					: this.client.getQueueUrl((request) -> request.queueName(queueName(this.queue))).queueUrl();
			this.queueUrl = url;
		}
		return url;
	}

	static String queueName(String nameOrArn) {
		if (nameOrArn.startsWith("arn:")) {
			return nameOrArn.substring(nameOrArn.lastIndexOf(':') + 1);
		}
		return nameOrArn;
	}

}
