package dev.tributary.autoconfigure.local;

import dev.tributary.local.failure.FailureDestinationAddress;
import dev.tributary.local.failure.FailureDestinationAddress.Kind;
import dev.tributary.local.provision.MissingFailureDestinationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains what to do about an on-failure queue or topic that does not exist where the
 * application is connected.
 *
 * @author Tributary
 */
class MissingFailureDestinationFailureAnalyzer extends AbstractFailureAnalyzer<MissingFailureDestinationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingFailureDestinationException cause) {
		FailureDestinationAddress destination = cause.getDestination();
		String property = MissingFailureDestinationException.property(cause.getProcessor());
		String create = (destination.kind() == Kind.TOPIC)
				? "create the topic: aws sns create-topic --name " + destination.name()
				: "create the queue: aws sqs create-queue --queue-name " + destination.name()
						+ (destination.isArn() || destination.isUrl() ? ""
								: " (deploying the application creates it too: mvn spring-boot:run -Pdeploy)");
		return new FailureAnalysis(cause.getMessage() + ". Tributary creates on-failure destinations only in the "
				+ "embedded emulator; elsewhere it checks them at startup so that no record it gives up on is lost.",
				"Do one of the following:\n" + "\t- " + create + "\n" + "\t- set " + property
						+ " (or @DynamoDbStreamProcessor(onFailure)) to an existing SQS queue (name or ARN) "
						+ "or SNS topic ARN, or remove it to log and skip such records\n"
						+ "\t- run against the embedded emulator (no spring.cloud.aws.endpoint), which creates it",
				cause);
	}

}
