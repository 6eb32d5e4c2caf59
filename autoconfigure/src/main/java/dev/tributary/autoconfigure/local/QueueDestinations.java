package dev.tributary.autoconfigure.local;

import dev.tributary.local.failure.FailureDestination;
import dev.tributary.local.failure.FailureDestinationAddress;
import dev.tributary.local.failure.SqsFailureDestination;
import dev.tributary.local.provision.QueueProvisioner;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.beans.factory.ObjectProvider;

/**
 * SQS on-failure destinations: the queue is created (embedded emulator) or checked, then sent to.
 * The client is looked up only when a processor names a queue.
 *
 * @author Tributary
 */
final class QueueDestinations implements LocalFailureDestinations.Factory {

	private final ObjectProvider<SqsClient> client;

	private final DestinationTarget target;

	QueueDestinations(ObjectProvider<SqsClient> client, DestinationTarget target) {
		this.client = client;
		this.target = target;
	}

	@Override
	public FailureDestination create(String processor, FailureDestinationAddress address) {
		SqsClient sqs = this.client.getObject();
		String url = new QueueProvisioner(sqs, this.target.createMissing(), this.target.where()).provision(processor,
				address);
		return new SqsFailureDestination(sqs, (url != null) ? url : address.value());
	}

}
