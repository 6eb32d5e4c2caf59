package dev.tributary.deploy.sqs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.tributary.ProcessorOptions;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("dlq");

	private final String table = MotoServerExtension.uniqueName("items");

	private final String queue = "failures";

	/** The stage's own queue for the name {@link #queue}. */
	private final String physical = this.fixture.app() + "-dev-failures";

	@TempDir
	Path directory;

	@Test
	void queueNamedButAbsentIsCreatedForTheStageTaggedUsedByMappingAndPolicyAndDeletedByDestroy() throws Exception {
		TestRegistry registry = registry(this.queue);

		Plan first = this.fixture.deployer().deploy(registry, options());

		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.name() + " " + change.action())
			.contains("queue " + this.physical + " CREATE");
		String url = this.fixture.clients().sqs().getQueueUrl((request) -> request.queueName(this.physical)).queueUrl();
		String arn = queueArn(url);
		assertThat(this.fixture.clients().sqs().listQueueTags((request) -> request.queueUrl(url)).tags())
			.containsEntry("tributary:app", this.fixture.app())
			.containsEntry("tributary:stage", "dev")
			.containsEntry("tributary:resource", "queue/" + this.queue);
		assertThat(mappingDestination()).isEqualTo(arn);
		assertThat(policy()).contains(arn);

		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry, options()).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();

		Plan destroyed = this.fixture.deployer().destroy(registry, options());

		assertThat(destroyed.changes()).filteredOn((change) -> change.type().equals("queue"))
			.singleElement()
			.satisfies((change) -> assertThat(change.findConsequence())
				.hasValueSatisfying((consequence) -> assertThat(consequence).contains("deleted with it")));
		assertThatExceptionOfType(QueueDoesNotExistException.class)
			.isThrownBy(() -> this.fixture.clients().sqs().getQueueUrl((request) -> request.queueName(this.physical)));
	}

	@Test
	void existingQueueIsResolvedToItsArnAndNeverDeleted() throws Exception {
		String url = this.fixture.clients().sqs().createQueue((request) -> request.queueName(this.physical)).queueUrl();
		String arn = queueArn(url);
		TestRegistry registry = registry(this.queue);
		this.fixture.recorder().clear();

		this.fixture.deployer().deploy(registry, options());

		assertThat(this.fixture.recorder().mutatingCalls()).doesNotContain("CreateQueue", "TagQueue");
		assertThat(mappingDestination()).isEqualTo(arn);
		assertThat(policy()).contains(arn);

		Plan destroyed = this.fixture.deployer().destroy(registry, options());

		assertThat(destroyed.changes()).filteredOn((change) -> change.type().equals("queue"))
			.singleElement()
			.satisfies((change) -> assertThat(change.findConsequence())
				.hasValueSatisfying((consequence) -> assertThat(consequence).contains("not created by Tributary")));
		assertThat(this.fixture.clients().sqs().getQueueUrl((request) -> request.queueName(this.physical)).queueUrl())
			.isEqualTo(url);
	}

	@Test
	void queueArnIsUsedAsItIsWithoutCallingSqs() throws Exception {
		String arn = "arn:aws:sqs:us-east-1:210987654321:" + this.physical;

		Plan plan = this.fixture.deployer().deploy(registry(arn), options());

		assertThat(plan.changes()).extracting((change) -> change.type()).doesNotContain("queue");
		assertThat(this.fixture.recorder().calls()).noneMatch((call) -> call.contains("Queue"));
		assertThat(mappingDestination()).isEqualTo(arn);
		assertThat(policy()).contains(arn);
	}

	@Test
	void snsTopicArnGetsPublishInThePolicyAndIsNeverTreatedAsAQueue() throws Exception {
		String topic = "arn:aws:sns:us-east-1:123456789012:" + this.physical;

		this.fixture.deployer().deploy(registry(topic), options());

		assertThat(this.fixture.recorder().calls()).noneMatch((call) -> call.contains("Queue"));
		assertThat(mappingDestination()).isEqualTo(topic);
		assertThat(policy()).contains("\"sns:Publish\"", topic).doesNotContain("sqs:SendMessage");
	}

	private TestRegistry registry(String onFailure) {
		return TestRegistry.of("orders", this.table, ProcessorOptions.builder().onFailureDestination(onFailure).build());
	}

	private String queueArn(String url) {
		return this.fixture.clients().sqs()
			.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
	}

	private String mappingDestination() {
		String function = new ResourceNames(this.fixture.app(), "dev").function("orders");
		return this.fixture.clients().lambda()
			.listEventSourceMappings((request) -> request.functionName(function))
			.eventSourceMappings()
			.get(0)
			.destinationConfig()
			.onFailure()
			.destination();
	}

	private String policy() {
		String role = new ResourceNames(this.fixture.app(), "dev").role("orders", "us-east-1");
		return URLDecoder.decode(this.fixture.clients().iam()
			.getRolePolicy((request) -> request.roleName(role).policyName(ResourceNames.POLICY_NAME))
			.policyDocument(), StandardCharsets.UTF_8);
	}

	private DeployOptions options() throws Exception {
		return DeployOptions.builder(this.fixture.app()).artifact(TestArtifacts.zip(this.directory, "v1")).build();
	}

}
