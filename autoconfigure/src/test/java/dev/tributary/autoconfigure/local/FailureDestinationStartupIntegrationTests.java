package dev.tributary.autoconfigure.local;

import java.util.List;

import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamProcessors;
import dev.tributary.TableDescriptor;
import dev.tributary.local.LocalRuntimeFixture;
import dev.tributary.local.emulator.EmbeddedEmulator;
import dev.tributary.local.provision.MissingFailureDestinationException;
import dev.tributary.local.runtime.LocalStreamRuntime;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On-failure destinations at startup through the auto-configuration, against moto_server: created
 * when the application runs on the embedded emulator, checked when it runs against an endpoint
 * (as against AWS), where a missing one fails startup with a failure analysis.
 */
@ExtendWith(MotoServerExtension.class)
class FailureDestinationStartupIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryLocalAwsAutoConfiguration.class,
				TributaryLocalRuntimeAutoConfiguration.class))
		.withPropertyValues("tributary.local.checkpoints.store=memory");

	/** As against AWS: a configured endpoint, no embedded emulator. */
	private ApplicationContextRunner againstAnEndpoint(String destination) {
		return withProcessor(destination).withPropertyValues(
				"spring.cloud.aws.endpoint=" + MotoServerExtension.endpoint(),
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test");
	}

	/** The embedded emulator, played by the shared moto_server. */
	private ApplicationContextRunner onTheEmbeddedEmulator(String destination) {
		return withProcessor(destination).withBean(EmbeddedEmulator.class,
				() -> new EmbeddedEmulator(MotoServerExtension.endpoint(), "shared test moto_server", () -> {
				}));
	}

	private ApplicationContextRunner withProcessor(String destination) {
		String table = MotoServerExtension.uniqueName("startup");
		TableDescriptor descriptor = new TableDescriptor(table, table, new KeyAttribute("id", KeyAttribute.ScalarType.S),
				null);
		ProcessorOptions options = ProcessorOptions.builder().onFailureDestination(destination).build();
		return this.runner.withBean(StreamProcessorRegistry.class,
				() -> new DefaultStreamProcessorRegistry(List.of(LocalRuntimeFixture.processor("orders", descriptor,
						options, StreamProcessors.forEach((record) -> {
						})))));
	}

	@Test
	void aMissingQueueFailsStartupAgainstAnEndpointNamingTheProcessorPropertyValueAndFix() {
		String queue = MotoServerExtension.uniqueName("missing-dlq");
		againstAnEndpoint(queue).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MissingFailureDestinationException.class);
			FailureAnalysis analysis = new MissingFailureDestinationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Processor 'orders'")
				.contains("tributary.processors.orders.on-failure")
				.contains("SQS queue '" + queue + "'")
				.contains("does not exist at endpoint " + MotoServerExtension.endpoint());
			assertThat(analysis.getAction()).contains("aws sqs create-queue --queue-name " + queue);
		});
	}

	@Test
	void aMissingTopicFailsStartupAgainstAnEndpoint() {
		String topic = "arn:aws:sns:us-east-1:123456789012:" + MotoServerExtension.uniqueName("missing-topic");
		againstAnEndpoint(topic).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MissingFailureDestinationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("SNS topic '" + topic + "'")
				.contains("tributary.processors.orders.on-failure");
			assertThat(analysis.getAction()).contains("aws sns create-topic --name");
		});
	}

	@Test
	void anExistingQueueIsCheckedAndUsedAgainstAnEndpoint() {
		String queue = MotoServerExtension.uniqueName("existing-dlq");
		try (SqsClient sqs = AwsTestClients.sqs()) {
			sqs.createQueue((request) -> request.queueName(queue));
		}
		againstAnEndpoint(queue).run((context) -> assertThat(context).hasNotFailed()
			.getBean(LocalStreamRuntime.class)
			.satisfies((runtime) -> assertThat(runtime.isRunning()).isTrue()));
	}

	@Test
	void theEmbeddedEmulatorGetsTheMissingQueue() {
		String queue = MotoServerExtension.uniqueName("created-dlq");
		onTheEmbeddedEmulator(queue).run((context) -> {
			assertThat(context).hasNotFailed();
			try (SqsClient sqs = AwsTestClients.sqs()) {
				assertThat(sqs.getQueueUrl((request) -> request.queueName(queue)).queueUrl()).endsWith("/" + queue);
			}
		});
	}

	@Test
	void theEmbeddedEmulatorGetsTheMissingTopic() {
		String name = MotoServerExtension.uniqueName("created-topic");
		onTheEmbeddedEmulator("arn:aws:sns:eu-west-1:111122223333:" + name).run((context) -> {
			assertThat(context).hasNotFailed();
			try (SnsClient sns = AwsTestClients.sns()) {
				assertThat(sns.listTopicsPaginator().topics().stream().map(Topic::topicArn))
					.anyMatch((arn) -> arn.endsWith(":" + name));
			}
		});
	}

	@Test
	void aTopicWithoutSnsOnTheClasspathFailsStartupSayingWhatToAdd() {
		String topic = "arn:aws:sns:us-east-1:123456789012:" + MotoServerExtension.uniqueName("no-sns");
		againstAnEndpoint(topic).withClassLoader(new FilteredClassLoader(SnsClient.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Processor 'orders'")
				.hasMessageContaining("tributary.processors.orders.on-failure")
				.hasMessageContaining("add software.amazon.awssdk:sns"));
	}

}
