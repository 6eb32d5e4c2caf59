package dev.tributary.deploy.resource;

import dev.tributary.deploy.DeployException;

import org.springframework.util.Assert;

/**
 * What a processor's on-failure destination is: an SNS topic or SQS queue ARN, used as it is
 * (a destination the user shares on purpose), or a queue name, which deploy makes per stage.
 *
 * @author Tributary
 */
public final class OnFailureDestinations {

	private OnFailureDestinations() {
	}

	/**
	 * Whether a destination is an ARN (used as it is) rather than a queue name.
	 * @param destination the destination
	 * @return whether it is an ARN
	 */
	public static boolean isArn(String destination) {
		return destination.startsWith("arn:");
	}

	/**
	 * The service of a destination ARN, {@code sqs} or {@code sns} for the ones Lambda accepts.
	 * @param arn the ARN
	 * @return the service part of the ARN
	 */
	public static String service(String arn) {
		String[] parts = arn.split(":", 6);
		return (parts.length == 6) ? parts[2] : "";
	}

	/**
	 * Refuse a destination Lambda cannot send a stream's failed batches to.
	 * @param processor the processor's name
	 * @param destination its on-failure destination
	 * @throws DeployException if it is an ARN of neither an SQS queue nor an SNS topic
	 */
	public static void validate(String processor, String destination) {
		Assert.hasText(processor, "'processor' must not be empty");
		if (isArn(destination) && !service(destination).equals("sqs") && !service(destination).equals("sns")) {
			throw new DeployException("Processor '" + processor + "' has on-failure destination '" + destination
					+ "' (tributary.processors." + processor + ".on-failure or the onFailure attribute of its "
					+ "@DynamoDbStreamProcessor or @KinesisStreamProcessor), "
					+ "which is neither an SQS queue ARN (arn:aws:sqs:...) nor an SNS topic ARN (arn:aws:sns:...): "
					+ "give one of those, or a queue name for a queue deploy creates per stage");
		}
	}

}
