package dev.tributary.local.failure;

import dev.tributary.local.failure.FailureDestinationAddress.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FailureDestinationAddress}.
 */
class FailureDestinationAddressTests {

	@Test
	void aTopicArnIsATopic() {
		FailureDestinationAddress address = FailureDestinationAddress.parse("arn:aws:sns:eu-west-1:111122223333:failed");
		assertThat(address.kind()).isEqualTo(Kind.TOPIC);
		assertThat(address.name()).isEqualTo("failed");
		assertThat(address.account()).isEqualTo("111122223333");
		assertThat(address.isArn()).isTrue();
	}

	@Test
	void aQueueArnIsAQueue() {
		FailureDestinationAddress address = FailureDestinationAddress.parse("arn:aws:sqs:eu-west-1:111122223333:dlq");
		assertThat(address.kind()).isEqualTo(Kind.QUEUE);
		assertThat(address.name()).isEqualTo("dlq");
		assertThat(address.account()).isEqualTo("111122223333");
	}

	@Test
	void aQueueUrlIsAQueueUsableAsItIs() {
		FailureDestinationAddress address = FailureDestinationAddress
			.parse("https://sqs.eu-west-1.amazonaws.com/111122223333/dlq");
		assertThat(address.kind()).isEqualTo(Kind.QUEUE);
		assertThat(address.name()).isEqualTo("dlq");
		assertThat(address.account()).isEqualTo("111122223333");
		assertThat(address.isUrl()).isTrue();
	}

	@Test
	void aPlainNameIsAQueueName() {
		FailureDestinationAddress address = FailureDestinationAddress.parse("orders-dlq");
		assertThat(address.kind()).isEqualTo(Kind.QUEUE);
		assertThat(address.name()).isEqualTo("orders-dlq");
		assertThat(address.account()).isNull();
		assertThat(address.isUrl()).isFalse();
		assertThat(address.isArn()).isFalse();
	}

	@Test
	void anArnWithoutANameIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> FailureDestinationAddress.parse("arn:aws:sns:eu-west-1"))
			.withMessageContaining("arn:aws:sqs|sns:region:account:name");
	}

}
