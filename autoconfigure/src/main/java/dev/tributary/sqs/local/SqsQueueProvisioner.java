package dev.tributary.sqs.local;

import java.util.HashMap;
import java.util.Map;

import dev.tributary.SqsQueueDescriptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import org.springframework.util.Assert;

/**
 * Makes sure every queue an SQS processor reads exists in the emulator: a queue the application
 * owns is created when missing, with its FIFO attribute, visibility timeout and, when it has one,
 * its dead-letter queue (created first) and redrive policy; an existing queue is read as it is. A
 * queue named by its ARN must exist already, since the application never creates it.
 *
 * @author Tributary
 */
public final class SqsQueueProvisioner {

	private static final Log logger = LogFactory.getLog(SqsQueueProvisioner.class);

	private final SqsClient client;

	/**
	 * Create a provisioner.
	 * @param client the SQS client
	 */
	public SqsQueueProvisioner(SqsClient client) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
	}

	/**
	 * Provision a queue.
	 * @param queue the queue
	 * @return its URL and ARN
	 * @throws IllegalStateException if a queue named by its ARN does not exist
	 */
	public ProvisionedQueue provision(SqsQueueDescriptor queue) {
		if (queue.isExisting()) {
			String account = queue.arn().split(":")[4];
			try {
				String url = this.client.getQueueUrl((request) -> request.queueName(queue.name())
					.queueOwnerAWSAccountId(account)).queueUrl();
				return new ProvisionedQueue(url, queue.arn());
			}
			catch (QueueDoesNotExistException ex) {
				throw new IllegalStateException("SQS queue " + queue.arn() + " does not exist in the AWS endpoint the "
						+ "local runtime uses. A queue named by its ARN is never created: create it first, or declare "
						+ "it under tributary.queues.<id> and bind the processor to the id so that the application "
						+ "creates it", ex);
			}
		}
		String deadLetterArn = null;
		if (queue.deadLetterQueue() != null) {
			deadLetterArn = arn(create(queue.deadLetterQueue(), queue.fifo(), null));
		}
		Map<QueueAttributeName, String> attributes = new HashMap<>();
		attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(queue.visibilityTimeout().toSeconds()));
		if (deadLetterArn != null) {
			attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn
					+ "\",\"maxReceiveCount\":\"" + queue.maxReceiveCount() + "\"}");
		}
		String url = create(queue.name(), queue.fifo(), attributes);
		return new ProvisionedQueue(url, arn(url));
	}

	private String create(String name, boolean fifo, @Nullable Map<QueueAttributeName, String> settings) {
		try {
			String url = this.client.getQueueUrl((request) -> request.queueName(name)).queueUrl();
			logger.debug("SQS queue '" + name + "' exists; it is read as it is");
			return url;
		}
		catch (QueueDoesNotExistException ex) {
			Map<QueueAttributeName, String> attributes = new HashMap<>();
			if (settings != null) {
				attributes.putAll(settings);
			}
			if (fifo) {
				attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
			}
			String url = this.client.createQueue((request) -> request.queueName(name).attributes(attributes))
				.queueUrl();
			logger.info("Created SQS queue '" + name + "'" + (fifo ? " (FIFO)" : "")
					+ ((settings != null && settings.containsKey(QueueAttributeName.REDRIVE_POLICY))
							? " with its dead-letter queue" : ""));
			return url;
		}
	}

	private String arn(String url) {
		return this.client
			.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
	}

	/**
	 * A queue ready to be read.
	 *
	 * @param url its URL, which the SQS calls take
	 * @param arn its ARN, which messages carry
	 */
	public record ProvisionedQueue(String url, String arn) {

	}

}
