package dev.tributary.deploy.resource;

import dev.tributary.deploy.DeployException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link OnFailureDestinations}.
 *
 * @author Tributary
 */
class OnFailureDestinationsTests {

	@Test
	void sqsAndSnsArnsAndQueueNamesAreAccepted() {
		assertThatNoException().isThrownBy(() -> {
			OnFailureDestinations.validate("orders", "arn:aws:sqs:eu-west-1:123456789012:failures");
			OnFailureDestinations.validate("orders", "arn:aws:sns:eu-west-1:123456789012:failures");
			OnFailureDestinations.validate("orders", "failures");
		});
		assertThat(OnFailureDestinations.service("arn:aws:sns:eu-west-1:123456789012:failures")).isEqualTo("sns");
		assertThat(OnFailureDestinations.isArn("failures")).isFalse();
	}

	@Test
	void anArnOfAnotherServiceIsRefusedNamingTheProcessorPropertyValueAndFix() {
		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> OnFailureDestinations.validate("orders", "arn:aws:lambda:eu-west-1:123456789012:function:x"))
			.withMessage("Processor 'orders' has on-failure destination 'arn:aws:lambda:eu-west-1:123456789012:function:x' "
					+ "(tributary.processors.orders.on-failure or the onFailure attribute of its @DynamoDbStreamProcessor "
					+ "or @KinesisStreamProcessor), which is neither "
					+ "an SQS queue ARN (arn:aws:sqs:...) nor an SNS topic ARN (arn:aws:sns:...): give one of those, "
					+ "or a queue name for a queue deploy creates per stage");
	}

}
