package dev.tributary.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tributary.ProcessorOptions;
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
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two stages of one app on one table, against {@code moto_server}: each owns what deploy made
 * for it, and destroying one leaves the other running.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class StageIsolationIntegrationTests {

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("stages");

	/** One table for both stages, as when the user does not rename it per stage. */
	private final String table = MotoServerExtension.uniqueName("items");

	@TempDir
	Path directory;

	@Test
	void destroyingOneStageLeavesTheOtherStagesMappingQueueTableAndFunction() throws Exception {
		this.fixture.deployer().deploy(registry("failures"), options("dev"));
		this.fixture.deployer().deploy(registry("failures"), options("prod"));
		String prodQueueUrl = queueUrl(names("prod").queue("failures"));
		assertThat(queueUrl(names("dev").queue("failures"))).isNotEqualTo(prodQueueUrl);
		assertOwnedByStage("prod");

		this.fixture.deployer().destroy(registry("failures"), options("dev"));

		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(() -> this.fixture.clients()
			.lambda()
			.getFunction((request) -> request.functionName(names("dev").function("orders"))));
		assertThatExceptionOfType(QueueDoesNotExistException.class)
			.isThrownBy(() -> queueUrl(names("dev").queue("failures")));
		assertThat(this.fixture.clients().lambda()
			.getFunction((request) -> request.functionName(names("prod").function("orders")))
			.configuration()
			.state()
			.toString()).isEqualTo("Active");
		assertThat(mappings("prod")).singleElement()
			.satisfies((mapping) -> assertThat(mapping.destinationConfig().onFailure().destination())
				.isEqualTo(queueArn(prodQueueUrl)));
		assertThat(queueUrl(names("prod").queue("failures"))).isEqualTo(prodQueueUrl);
		assertThat(this.fixture.clients().dynamoDb().describeTable((request) -> request.tableName(this.table)).table()
			.latestStreamArn()).isEqualTo(mappings("prod").get(0).eventSourceArn());
	}

	@Test
	void destroyTablesRefusesWhileAnotherStageReadsTheTableNamingItsMappingAndDestroysNothing() throws Exception {
		this.fixture.deployer().deploy(registry("failures"), options("dev"));
		this.fixture.deployer().deploy(registry("failures"), options("prod"));
		String prodMapping = mappings("prod").get(0).uuid();

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer()
				.destroy(registry("failures"), options("dev").toBuilder().destroyTables(true).build()))
			.withMessage("tributary.deploy.destroy-tables=true refuses to delete table '" + this.table
					+ "': other stages or apps read its stream: mapping " + prodMapping + " of function "
					+ names("prod").function("orders") + " (app '" + this.fixture.app() + "' stage 'prod')"
					+ ". Nothing was destroyed. Destroy them first, or run destroy with "
					+ "tributary.deploy.destroy-tables=false to keep the table");

		assertThat(mappings("dev")).hasSize(1);
		assertThat(mappings("prod")).hasSize(1);
	}

	@Test
	void aQueueAnotherStageSendsFailuresToIsKeptAndDestroySaysWhy() throws Exception {
		this.fixture.deployer().deploy(registry("failures"), options("dev"));
		String devQueueArn = queueArn(queueUrl(names("dev").queue("failures")));
		// prod shares dev's queue on purpose, by its ARN.
		this.fixture.deployer().deploy(registry(devQueueArn), options("prod"));
		String prodMapping = mappings("prod").get(0).uuid();

		Plan destroyed = this.fixture.deployer().destroy(registry("failures"), options("dev"));

		assertThat(destroyed.changes()).filteredOn((change) -> change.type().equals("queue"))
			.singleElement()
			.satisfies((change) -> assertThat(change.findConsequence()).hasValue(
					"kept: other stages or apps send failed records to it: mapping " + prodMapping + " of function "
							+ names("prod").function("orders") + " (app '" + this.fixture.app()
							+ "' stage 'prod'); destroy it after them, or point them at their own queue"));
		assertThat(this.fixture.output()).anySatisfy((line) -> assertThat(line).contains("kept: other stages"));
		assertThat(queueArn(queueUrl(names("dev").queue("failures")))).isEqualTo(devQueueArn);
		assertThat(mappings("dev")).isEmpty();
	}

	private void assertOwnedByStage(String stage) {
		ResourceNames names = names(stage);
		Map<String, String> owner = Map.of("tributary:app", this.fixture.app(), "tributary:stage", stage);
		assertThat(this.fixture.clients().lambda()
			.getFunction((request) -> request.functionName(names.function("orders")))
			.tags()).containsAllEntriesOf(owner);
		assertThat(this.fixture.clients().iam()
			.listRoleTags((request) -> request.roleName(names.role("orders", "us-east-1")))
			.tags()
			.stream()
			.collect(Collectors.toMap((tag) -> tag.key(), (tag) -> tag.value()))).containsAllEntriesOf(owner);
		assertThat(this.fixture.clients().logs()
			.listTagsLogGroup((request) -> request.logGroupName(names.logGroup("orders")))
			.tags()).containsAllEntriesOf(owner);
		assertThat(this.fixture.clients().sqs()
			.listQueueTags((request) -> request.queueUrl(queueUrl(names.queue("failures"))))
			.tags()).containsAllEntriesOf(owner);
		String tableArn = this.fixture.clients().dynamoDb().describeTable((request) -> request.tableName(this.table))
			.table()
			.tableArn();
		// The table belongs to the stage that created it, dev.
		assertThat(this.fixture.clients().dynamoDb()
			.listTagsOfResource((request) -> request.resourceArn(tableArn))
			.tags()).extracting(Tag::value).contains("dev");
	}

	private List<EventSourceMappingConfiguration> mappings(String stage) {
		return this.fixture.clients().lambda()
			.listEventSourceMappings((request) -> request.functionName(names(stage).function("orders")))
			.eventSourceMappings();
	}

	private String queueUrl(String name) {
		return this.fixture.clients().sqs().getQueueUrl((request) -> request.queueName(name)).queueUrl();
	}

	private String queueArn(String url) {
		return this.fixture.clients().sqs()
			.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
	}

	private ResourceNames names(String stage) {
		return new ResourceNames(this.fixture.app(), stage);
	}

	private TestRegistry registry(String onFailure) {
		return TestRegistry.of("orders", this.table, ProcessorOptions.builder().onFailureDestination(onFailure).build());
	}

	private DeployOptions options(String stage) throws Exception {
		return DeployOptions.builder(this.fixture.app())
			.stage(stage)
			.artifact(TestArtifacts.zip(this.directory, "v1"))
			.build();
	}

}
