package dev.tributary.autoconfigure.local;

import dev.tributary.local.failure.FailureDestination;
import dev.tributary.local.failure.FailureDestinationAddress;
import dev.tributary.local.failure.SnsFailureDestination;
import dev.tributary.local.provision.TopicProvisioner;
import software.amazon.awssdk.services.sns.SnsClient;

import org.springframework.beans.factory.ObjectProvider;

/**
 * SNS on-failure destinations: the topic is created (embedded emulator) or checked, then
 * published to. The client is looked up only when a processor names a topic.
 *
 * @author Tributary
 */
final class TopicDestinations implements LocalFailureDestinations.Factory {

	private final ObjectProvider<SnsClient> client;

	private final DestinationTarget target;

	TopicDestinations(ObjectProvider<SnsClient> client, DestinationTarget target) {
		this.client = client;
		this.target = target;
	}

	@Override
	public FailureDestination create(String processor, FailureDestinationAddress address) {
		SnsClient sns = this.client.getObject();
		String arn = new TopicProvisioner(sns, this.target.createMissing(), this.target.where()).provision(processor,
				address);
		return new SnsFailureDestination(sns, arn);
	}

}
