package dev.tributary.local.provision;

import dev.tributary.local.failure.FailureDestinationAddress;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link QueueProvisioner} and {@link TopicProvisioner} against moto_server: creating in the
 * embedded emulator (idempotently), checking elsewhere.
 */
@ExtendWith({ MotoServerExtension.class, OutputCaptureExtension.class })
class FailureDestinationProvisioningIntegrationTests {

	private final SqsClient sqs = AwsTestClients.sqs();

	private final SnsClient sns = AwsTestClients.sns();

	@AfterEach
	void closeClients() {
		this.sqs.close();
		this.sns.close();
	}

	@Test
	void createsAMissingQueueOnceInTheEmulator(CapturedOutput output) {
		String name = MotoServerExtension.uniqueName("dlq");
		QueueProvisioner provisioner = new QueueProvisioner(this.sqs, true, "the emulator");
		String url = provisioner.provision("orders", FailureDestinationAddress.parse(name));
		assertThat(this.sqs.getQueueUrl((request) -> request.queueName(name)).queueUrl()).isEqualTo(url);
		assertThat(provisioner.provision("orders", FailureDestinationAddress.parse(name))).isEqualTo(url);
		assertThat(output.getAll().lines().filter((line) -> line.contains("Created SQS queue '" + name + "'")))
			.hasSize(1);
	}

	@Test
	void createsAQueueNamedByTheArnOfAnotherAccountUnderItsNameInTheEmulator() {
		String name = MotoServerExtension.uniqueName("arn-dlq");
		String url = new QueueProvisioner(this.sqs, true, "the emulator").provision("orders",
				FailureDestinationAddress.parse("arn:aws:sqs:eu-west-1:111122223333:" + name));
		assertThat(url).endsWith("/" + name);
	}

	@Test
	void findsAnExistingQueueByNameUrlOrArn() {
		String name = MotoServerExtension.uniqueName("existing");
		String url = this.sqs.createQueue((request) -> request.queueName(name)).queueUrl();
		String arn = this.sqs
			.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
		QueueProvisioner provisioner = new QueueProvisioner(this.sqs, false, "endpoint");
		assertThat(provisioner.provision("orders", FailureDestinationAddress.parse(name))).isEqualTo(url);
		assertThat(provisioner.provision("orders", FailureDestinationAddress.parse(url))).isEqualTo(url);
		assertThat(provisioner.provision("orders", FailureDestinationAddress.parse(arn))).isEqualTo(url);
	}

	@Test
	void aMissingQueueIsAnErrorOutsideTheEmulator() {
		String name = MotoServerExtension.uniqueName("missing");
		QueueProvisioner provisioner = new QueueProvisioner(this.sqs, false, "endpoint http://moto");
		assertThatExceptionOfType(MissingFailureDestinationException.class)
			.isThrownBy(() -> provisioner.provision("orders", FailureDestinationAddress.parse(name)))
			.withMessage("Processor 'orders' sends the records it gives up on to SQS queue '" + name
					+ "' (tributary.processors.orders.on-failure), which does not exist at endpoint http://moto");
		assertThat(this.sqs.listQueues((request) -> request.queueNamePrefix(name)).queueUrls()).isEmpty();
	}

	@Test
	void aMissingQueueUrlIsAnErrorOutsideTheEmulator() {
		String url = MotoServerExtension.endpoint() + "/123456789012/" + MotoServerExtension.uniqueName("gone");
		QueueProvisioner provisioner = new QueueProvisioner(this.sqs, false, "endpoint");
		assertThatExceptionOfType(MissingFailureDestinationException.class)
			.isThrownBy(() -> provisioner.provision("orders", FailureDestinationAddress.parse(url)));
	}

	@Test
	void createsATopicInTheEmulatorAndSaysNothingSubscribes(CapturedOutput output) {
		String name = MotoServerExtension.uniqueName("failed");
		TopicProvisioner provisioner = new TopicProvisioner(this.sns, true, "the emulator");
		String arn = provisioner.provision("orders",
				FailureDestinationAddress.parse("arn:aws:sns:eu-west-1:111122223333:" + name));
		assertThat(arn).endsWith(":" + name);
		assertThat(this.sns.getTopicAttributes((request) -> request.topicArn(arn)).attributes()).isNotEmpty();
		assertThat(provisioner.provision("orders", FailureDestinationAddress.parse(arn))).isEqualTo(arn);
		assertThat(output).contains("Nothing subscribes to SNS topic " + arn);
	}

	@Test
	void findsAnExistingTopicOutsideTheEmulator() {
		String arn = this.sns.createTopic((request) -> request.name(MotoServerExtension.uniqueName("topic")))
			.topicArn();
		assertThat(new TopicProvisioner(this.sns, false, "endpoint").provision("orders",
				FailureDestinationAddress.parse(arn)))
			.isEqualTo(arn);
	}

	@Test
	void aMissingTopicIsAnErrorOutsideTheEmulator() {
		String arn = "arn:aws:sns:us-east-1:123456789012:" + MotoServerExtension.uniqueName("absent");
		TopicProvisioner provisioner = new TopicProvisioner(this.sns, false, "endpoint http://moto");
		assertThatExceptionOfType(MissingFailureDestinationException.class)
			.isThrownBy(() -> provisioner.provision("orders", FailureDestinationAddress.parse(arn)))
			.withMessage("Processor 'orders' sends the records it gives up on to SNS topic '" + arn
					+ "' (tributary.processors.orders.on-failure), which does not exist at endpoint http://moto");
	}

	@Test
	void aQueueThatCannotBeCheckedIsLeftToTheFirstSend(CapturedOutput output) {
		String name = MotoServerExtension.uniqueName("unreadable");
		try (SqsClient denied = deniedClient(SqsClient.builder(), GetQueueUrlRequest.class)) {
			assertThat(new QueueProvisioner(denied, false, "endpoint").provision("orders",
					FailureDestinationAddress.parse(name)))
				.isNull();
		}
		assertThat(output).contains("Could not check SQS queue '" + name + "' of processor 'orders' at endpoint "
				+ "(SdkClientException: injected: not authorized); the first send will tell");
	}

	@Test
	void aTopicThatCannotBeCheckedIsLeftToTheFirstPublish(CapturedOutput output) {
		String arn = "arn:aws:sns:us-east-1:123456789012:" + MotoServerExtension.uniqueName("unreadable");
		try (SnsClient denied = deniedClient(SnsClient.builder(), GetTopicAttributesRequest.class)) {
			assertThat(new TopicProvisioner(denied, false, "endpoint").provision("orders",
					FailureDestinationAddress.parse(arn)))
				.isEqualTo(arn);
		}
		assertThat(output).contains("Could not check SNS topic '" + arn + "' of processor 'orders' at endpoint "
				+ "(SdkClientException: injected: not authorized); the first publish will tell");
	}

	/** A client whose requests of the given type fail before they leave it, as a denied call would. */
	private static <B extends AwsClientBuilder<B, C>, C> C deniedClient(B builder, Class<?> requestType) {
		ExecutionInterceptor deny = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (requestType.isInstance(context.request())) {
					throw SdkClientException.create("injected: not authorized");
				}
			}

		};
		return AwsTestClients.configure(builder)
			.overrideConfiguration((config) -> config.addExecutionInterceptor(deny))
			.build();
	}

}
