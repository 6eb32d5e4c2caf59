package dev.tributary.autoconfigure.local;

import dev.tributary.StreamProcessorDefinition;
import dev.tributary.local.FailureDestinationResolver;
import dev.tributary.local.failure.FailureDestination;
import dev.tributary.local.failure.LoggingFailureDestination;
import dev.tributary.local.failure.SqsFailureDestination;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;

/**
 * Resolves each processor's on-failure destination: an SQS queue when one is configured, else
 * the shared logging destination.
 *
 * @author Tributary
 */
final class LocalFailureDestinations implements FailureDestinationResolver {

	private static final boolean SQS_PRESENT = ClassUtils.isPresent("software.amazon.awssdk.services.sqs.SqsClient",
			LocalFailureDestinations.class.getClassLoader());

	private final LoggingFailureDestination logging;

	private final ObjectProvider<?> sqsClient;

	LocalFailureDestinations(LoggingFailureDestination logging, @Nullable ObjectProvider<?> sqsClient) {
		this.logging = logging;
		this.sqsClient = sqsClient;
	}

	@Override
	public FailureDestination resolve(StreamProcessorDefinition<?> processor) {
		String destination = processor.options().onFailureDestination().orElse(null);
		if (destination == null) {
			return this.logging;
		}
		Object client = (SQS_PRESENT && this.sqsClient != null) ? this.sqsClient.getIfAvailable() : null;
		if (client == null) {
			throw new IllegalStateException("Processor '" + processor.name() + "' sends failed records to '"
					+ destination + "' but no SqsClient is available: add software.amazon.awssdk:sqs");
		}
		return new SqsFailureDestination((software.amazon.awssdk.services.sqs.SqsClient) client, destination);
	}

}
