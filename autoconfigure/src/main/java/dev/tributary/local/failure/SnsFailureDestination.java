package dev.tributary.local.failure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.services.sns.SnsClient;

import org.springframework.util.Assert;

/**
 * {@link FailureDestination} that publishes one SNS message per failed batch, with the same body
 * as {@link SqsFailureDestination} (see {@code FailedBatchMessage}). SNS delivers it to the
 * topic's subscribers only: with none, the message is accepted and dropped, as on AWS.
 *
 * @author Tributary
 */
public final class SnsFailureDestination implements FailureDestination {

	private static final Log logger = LogFactory.getLog(SnsFailureDestination.class);

	private final SnsClient client;

	private final String topicArn;

	/**
	 * Create a destination.
	 * @param client the SNS client
	 * @param topicArn the topic's ARN, as the endpoint the client talks to knows it
	 */
	public SnsFailureDestination(SnsClient client, String topicArn) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(topicArn, "'topicArn' must not be empty");
		this.client = client;
		this.topicArn = topicArn;
	}

	@Override
	public void send(FailedBatch<?> batch) {
		this.client.publish((request) -> request.topicArn(this.topicArn).message(FailedBatchMessage.toJson(batch)));
		logger.warn("Processor '" + batch.processor() + "' sent " + batch.records().size() + " record(s) of shard "
				+ batch.shardId() + " (" + batch.firstSequenceNumber() + " to " + batch.lastSequenceNumber() + ", "
				+ batch.reason() + " after " + batch.attempts() + " attempt(s)) to " + this);
	}

	@Override
	public String toString() {
		return "SNS topic " + this.topicArn;
	}

}
