package dev.tributary.deploy.sqs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.ProcessorOptions;
import dev.tributary.aws.AwsConnection;
import dev.tributary.deploy.DeployClients;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.Deployer;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.retry.Retrier;
import dev.tributary.deploy.support.CallRecorder;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * On-failure queues given by name or ARN, against {@code moto_server}.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class OnFailureQueueIntegrationTests {

	private final CallRecorder recorder = new CallRecorder();

	private final List<String> output = new ArrayList<>();

	private DeployClients clients;

	private Deployer deployer;

	private String app;

	private String table;

	private String queue;

	@TempDir
	Path directory;

	@BeforeEach
	void connect() {
		MotoServerExtension.server().configure("{\"lambda\":{\"use_docker\":false}}");
		AwsConnection connection = new AwsConnection(MotoServerExtension.endpoint(), AwsTestClients.REGION,
				StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), "moto");
		this.clients = DeployClients.create(connection, List.of(this.recorder));
		this.deployer = new Deployer(this.clients, Retrier.standard(), this.output::add);
		this.app = MotoServerExtension.uniqueName("dlq");
		this.table = MotoServerExtension.uniqueName("items");
		this.queue = this.app + "-failures";
	}

	@AfterEach
	void close() {
		this.clients.close();
	}

	@Test
	void queueNamedButAbsentIsCreatedTaggedUsedByMappingAndPolicyAndDeletedByDestroy() throws Exception {
		TestRegistry registry = registry(this.queue);

		Plan first = this.deployer.deploy(registry, options());

		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.action())
			.contains("queue CREATE");
		String url = this.clients.sqs().getQueueUrl((request) -> request.queueName(this.queue)).queueUrl();
		String arn = queueArn(url);
		assertThat(this.clients.sqs().listQueueTags((request) -> request.queueUrl(url)).tags())
			.containsEntry("tributary:app", this.app)
			.containsEntry("tributary:stage", "dev")
			.containsEntry("tributary:resource", "queue/" + this.queue);
		assertThat(mappingDestination()).isEqualTo(arn);
		assertThat(policy()).contains(arn);

		this.recorder.clear();
		assertThat(this.deployer.deploy(registry, options()).isEmpty()).isTrue();
		assertThat(this.recorder.mutatingCalls()).isEmpty();

		Plan destroyed = this.deployer.destroy(registry, options());

		assertThat(destroyed.changes()).filteredOn((change) -> change.type().equals("queue"))
			.singleElement()
			.satisfies((change) -> assertThat(change.findConsequence())
				.hasValueSatisfying((consequence) -> assertThat(consequence).contains("deleted with it")));
		assertThatExceptionOfType(QueueDoesNotExistException.class)
			.isThrownBy(() -> this.clients.sqs().getQueueUrl((request) -> request.queueName(this.queue)));
	}

	@Test
	void existingQueueIsResolvedToItsArnAndNeverDeleted() throws Exception {
		String url = this.clients.sqs().createQueue((request) -> request.queueName(this.queue)).queueUrl();
		String arn = queueArn(url);
		TestRegistry registry = registry(this.queue);
		this.recorder.clear();

		this.deployer.deploy(registry, options());

		assertThat(this.recorder.mutatingCalls()).doesNotContain("CreateQueue", "TagQueue");
		assertThat(mappingDestination()).isEqualTo(arn);
		assertThat(policy()).contains(arn);

		Plan destroyed = this.deployer.destroy(registry, options());

		assertThat(destroyed.changes()).filteredOn((change) -> change.type().equals("queue"))
			.singleElement()
			.satisfies((change) -> assertThat(change.findConsequence())
				.hasValueSatisfying((consequence) -> assertThat(consequence).contains("not created by Tributary")));
		assertThat(this.clients.sqs().getQueueUrl((request) -> request.queueName(this.queue)).queueUrl())
			.isEqualTo(url);
	}

	@Test
	void queueArnIsUsedAsItIsWithoutCallingSqs() throws Exception {
		String arn = "arn:aws:sqs:us-east-1:210987654321:" + this.queue;

		Plan plan = this.deployer.deploy(registry(arn), options());

		assertThat(plan.changes()).extracting((change) -> change.type()).doesNotContain("queue");
		assertThat(this.recorder.calls()).noneMatch((call) -> call.contains("Queue"));
		assertThat(mappingDestination()).isEqualTo(arn);
		assertThat(policy()).contains(arn);
	}

	private TestRegistry registry(String onFailure) {
		return TestRegistry.of("orders", this.table, ProcessorOptions.builder().onFailureDestination(onFailure).build());
	}

	private String queueArn(String url) {
		return this.clients.sqs()
			.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
	}

	private String mappingDestination() {
		String function = new ResourceNames(this.app, "dev").function("orders");
		return this.clients.lambda()
			.listEventSourceMappings((request) -> request.functionName(function))
			.eventSourceMappings()
			.get(0)
			.destinationConfig()
			.onFailure()
			.destination();
	}

	private String policy() {
		String role = new ResourceNames(this.app, "dev").role("orders", "us-east-1");
		return URLDecoder.decode(this.clients.iam()
			.getRolePolicy((request) -> request.roleName(role).policyName(ResourceNames.POLICY_NAME))
			.policyDocument(), StandardCharsets.UTF_8);
	}

	private DeployOptions options() throws Exception {
		return DeployOptions.builder(this.app).artifact(TestArtifacts.zip(this.directory, "v1")).build();
	}

}
