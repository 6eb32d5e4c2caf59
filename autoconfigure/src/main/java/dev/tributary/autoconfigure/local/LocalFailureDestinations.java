package dev.tributary.autoconfigure.local;

import dev.tributary.ProcessorDefinition;
import dev.tributary.local.FailureDestinationResolver;
import dev.tributary.local.failure.FailureDestination;
import dev.tributary.local.failure.FailureDestinationAddress;
import dev.tributary.local.failure.FailureDestinationAddress.Kind;
import dev.tributary.local.failure.LoggingFailureDestination;
import dev.tributary.local.provision.MissingFailureDestinationException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Resolves each processor's on-failure destination when the runtime starts it: an SQS queue or
 * an SNS topic, created in the embedded emulator or checked elsewhere (so a missing one fails
 * startup, not the first poison record), else the shared logging destination.
 *
 * @author Tributary
 */
final class LocalFailureDestinations implements FailureDestinationResolver {

	private final LoggingFailureDestination logging;

	private final @Nullable Factory queues;

	private final @Nullable Factory topics;

	LocalFailureDestinations(LoggingFailureDestination logging, @Nullable Factory queues, @Nullable Factory topics) {
		Assert.notNull(logging, "'logging' must not be null");
		this.logging = logging;
		this.queues = queues;
		this.topics = topics;
	}

	@Override
	public FailureDestination resolve(ProcessorDefinition<?> processor) {
		String value = processor.options().onFailureDestination().orElse(null);
		if (value == null) {
			return this.logging;
		}
		FailureDestinationAddress address = FailureDestinationAddress.parse(value);
		Factory factory = (address.kind() == Kind.TOPIC) ? this.topics : this.queues;
		if (factory == null) {
			String artifact = (address.kind() == Kind.TOPIC) ? "sns" : "sqs";
			throw new IllegalStateException("Processor '" + processor.name() + "' sends the records it gives up on to "
					+ address + " (" + MissingFailureDestinationException.property(processor.name())
					+ ") but the " + artifact.toUpperCase() + " client is not on the classpath: add "
					+ "software.amazon.awssdk:" + artifact + " (the Tributary starter brings it)");
		}
		return factory.create(processor.name(), address);
	}

	/**
	 * Creates (or checks) one kind of destination and returns the destination to send to.
	 */
	@FunctionalInterface
	interface Factory {

		FailureDestination create(String processor, FailureDestinationAddress address);

	}

}
