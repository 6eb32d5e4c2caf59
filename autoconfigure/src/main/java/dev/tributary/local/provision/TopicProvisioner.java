package dev.tributary.local.provision;

import java.util.Map;

import dev.tributary.local.failure.FailureDestinationAddress;
import dev.tributary.local.failure.FailureDestinationAddress.Kind;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

import org.springframework.util.Assert;

/**
 * Makes sure a processor's on-failure topic exists before the processor starts: in the embedded
 * emulator a missing topic is created (by name: the emulator gives it its own account and region,
 * so the returned ARN is the one to publish to), nothing more; anywhere else it is only looked up,
 * and a missing one is a {@link MissingFailureDestinationException}. A topic nothing subscribes
 * to accepts messages and drops them, so that is said at startup.
 *
 * @author Tributary
 */
public final class TopicProvisioner {

	private static final Log logger = LogFactory.getLog(TopicProvisioner.class);

	private final SnsClient client;

	private final boolean createMissing;

	private final String where;

	/**
	 * Create a provisioner.
	 * @param client the SNS client
	 * @param createMissing whether to create missing topics (in the embedded emulator only)
	 * @param where what the client talks to, for messages
	 */
	public TopicProvisioner(SnsClient client, boolean createMissing, String where) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(where, "'where' must not be empty");
		this.client = client;
		this.createMissing = createMissing;
		this.where = where;
	}

	/**
	 * Create or check a processor's on-failure topic.
	 * @param processor the processor's name
	 * @param topic its topic
	 * @return the ARN to publish to
	 * @throws MissingFailureDestinationException if it does not exist and is not to be created
	 */
	public String provision(String processor, FailureDestinationAddress topic) {
		Assert.hasText(processor, "'processor' must not be empty");
		Assert.isTrue(topic.kind() == Kind.TOPIC, "'topic' must be an SNS topic");
		String arn = topic.value();
		if (this.createMissing) {
			// CreateTopic is idempotent: it returns the existing topic's ARN.
			arn = this.client.createTopic((request) -> request.name(topic.name())).topicArn();
			logger.info("Processor '" + processor + "' sends the records it gives up on to SNS topic " + arn + " in "
					+ this.where);
		}
		try {
			String topicArn = arn;
			Map<String, String> attributes = this.client.getTopicAttributes((request) -> request.topicArn(topicArn))
				.attributes();
			if ("0".equals(attributes.get("SubscriptionsConfirmed"))) {
				String note = "Nothing subscribes to SNS topic " + arn + " of processor '" + processor
						+ "': records published there are dropped. Subscribe a queue to it to keep them";
				if (this.createMissing) {
					logger.info(note);
				}
				else {
					logger.warn(note);
				}
			}
		}
		catch (NotFoundException ex) {
			throw new MissingFailureDestinationException(processor, topic, this.where);
		}
		catch (SdkException ex) {
			if (this.createMissing) {
				throw ex;
			}
			logger.warn("Could not check " + topic + " of processor '" + processor + "' at " + this.where + " ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage() + "); the first publish will tell");
		}
		return arn;
	}

}
