package dev.tributary.local.provision;

import dev.tributary.local.failure.FailureDestinationAddress;
import dev.tributary.local.failure.FailureDestinationAddress.Kind;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import org.springframework.util.Assert;

/**
 * Makes sure a processor's on-failure queue exists before the processor starts: in the embedded
 * emulator a missing queue is created (by name, whatever account or region an ARN or URL names);
 * anywhere else it is only looked up, and a missing one is a
 * {@link MissingFailureDestinationException}. A look-up that fails for another reason (such as
 * credentials not allowed to read the queue) is logged once and left to the first send.
 *
 * @author Tributary
 */
public final class QueueProvisioner {

	private static final Log logger = LogFactory.getLog(QueueProvisioner.class);

	private final SqsClient client;

	private final boolean createMissing;

	private final String where;

	/**
	 * Create a provisioner.
	 * @param client the SQS client
	 * @param createMissing whether to create missing queues (in the embedded emulator only)
	 * @param where what the client talks to, for messages
	 */
	public QueueProvisioner(SqsClient client, boolean createMissing, String where) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(where, "'where' must not be empty");
		this.client = client;
		this.createMissing = createMissing;
		this.where = where;
	}

	/**
	 * Create or check a processor's on-failure queue.
	 * @param processor the processor's name
	 * @param queue its queue
	 * @return the queue's URL, or {@code null} when it could not be checked
	 * @throws MissingFailureDestinationException if it does not exist and is not to be created
	 */
	public @Nullable String provision(String processor, FailureDestinationAddress queue) {
		Assert.hasText(processor, "'processor' must not be empty");
		Assert.isTrue(queue.kind() == Kind.QUEUE, "'queue' must be an SQS queue");
		try {
			return this.createMissing ? create(processor, queue) : check(processor, queue);
		}
		catch (QueueDoesNotExistException ex) {
			throw new MissingFailureDestinationException(processor, queue, this.where);
		}
		catch (SdkException ex) {
			if (this.createMissing) {
				throw ex;
			}
			logger.warn("Could not check " + queue + " of processor '" + processor + "' at " + this.where + " ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage() + "); the first send will tell");
			return null;
		}
	}

	private String create(String processor, FailureDestinationAddress queue) {
		try {
			return this.client.getQueueUrl((request) -> request.queueName(queue.name())).queueUrl();
		}
		catch (QueueDoesNotExistException ex) {
			String url = this.client.createQueue((request) -> request.queueName(queue.name())).queueUrl();
			logger.info("Created SQS queue '" + queue.name() + "' in " + this.where + " for the records processor '"
					+ processor + "' gives up on");
			return url;
		}
	}

	private String check(String processor, FailureDestinationAddress queue) {
		if (queue.isUrl()) {
			this.client.getQueueAttributes((request) -> request.queueUrl(queue.value())
				.attributeNames(QueueAttributeName.QUEUE_ARN));
			return queue.value();
		}
		String url = this.client.getQueueUrl((request) -> request.queueName(queue.name())
			.queueOwnerAWSAccountId(queue.isArn() ? queue.account() : null)).queueUrl();
		logger.debug("Processor '" + processor + "' sends the records it gives up on to " + url);
		return url;
	}

}
