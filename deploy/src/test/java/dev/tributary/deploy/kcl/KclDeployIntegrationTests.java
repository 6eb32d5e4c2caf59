package dev.tributary.deploy.kcl;

import java.nio.file.Files;
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
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploying an application on the KCL runtime against {@code moto_server}: each shard processor
 * gets its three KCL tables, as KCL creates them, instead of a function, and the hosts' policy
 * document names exactly those tables and the stream; a second run changes nothing.
 */
@ExtendWith(MotoServerExtension.class)
class KclDeployIntegrationTests {

	private static final String ACCOUNT = "123456789012";

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("hosts");

	private final String table = MotoServerExtension.uniqueName("orders");

	@TempDir
	Path directory;

	@Test
	void aKclAppGetsItsLeaseTablesAndThePolicyOfItsHostsInsteadOfAFunction() throws Exception {
		TestRegistry registry = TestRegistry.of("logOrders", this.table,
				ProcessorOptions.builder().onFailureDestination("failures").build());
		DeployOptions options = DeployOptions.builder(this.fixture.app())
			.artifact(TestArtifacts.zip(this.directory, "v1"))
			.kcl(true)
			.build();

		Plan first = this.fixture.deployer().deploy(registry, options);

		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("table CREATE", "queue CREATE", "kcl-tables CREATE", "kcl-hosts-policy CREATE");
		String application = this.fixture.app() + "-dev-logOrders";
		TableDescription leases = describe(application);
		assertThat(leases.keySchema()).singleElement().satisfies((key) -> assertThat(key.attributeName()).isEqualTo("leaseKey"));
		assertThat(leases.globalSecondaryIndexes()).singleElement()
			.satisfies((index) -> assertThat(index.indexName()).isEqualTo("LeaseOwnerToLeaseKeyIndex"));
		assertThat(describe(application + "-CoordinatorState").keySchema().get(0).attributeName()).isEqualTo("key");
		assertThat(describe(application + "-WorkerMetricStats").keySchema().get(0).attributeName()).isEqualTo("wid");
		assertThat(this.fixture.clients().lambda().listFunctions().functions())
			.noneMatch((function) -> function.functionName().contains(this.fixture.app()));

		Path file = this.directory.resolve(this.fixture.app() + "-dev-kcl-hosts-policy.json");
		JsonNode policy = JsonMapper.builder().build().readTree(Files.readString(file));
		String tableArn = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/";
		assertThat(statement(policy, "KclTables").get("Resource").valueStream().map(JsonNode::asString).toList())
			.containsExactly(tableArn + application, tableArn + application + "-CoordinatorState",
					tableArn + application + "-WorkerMetricStats", tableArn + application + "/index/*");
		String streamArn = describe(this.table).latestStreamArn();
		assertThat(statement(policy, "ReadStream0").get("Resource").asString()).isEqualTo(streamArn);
		assertThat(statement(policy, "ListStreams").get("Resource").asString()).isEqualTo("*");
		assertThat(statement(policy, "SendFailedRecords0").get("Resource").asString()).isEqualTo(
				"arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + new ResourceNames(this.fixture.app(), "dev").queue("failures"));
		assertThat(policy.get("Statement").valueStream().map((statement) -> statement.get("Action").toString()))
			.noneMatch((actions) -> actions.contains("CreateTable"));
		assertThat(this.fixture.output()).anyMatch((line) -> line.contains("policy for the KCL hosts' role")
				&& line.contains(file.toString()));

		Plan second = this.fixture.deployer().deploy(registry, options);

		assertThat(second.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("table UNCHANGED", "queue UNCHANGED", "kcl-tables UNCHANGED",
					"kcl-hosts-policy UNCHANGED");
	}

	private TableDescription describe(String name) {
		return this.fixture.clients().dynamoDb().describeTable((request) -> request.tableName(name)).table();
	}

	private static JsonNode statement(JsonNode policy, String sid) {
		for (JsonNode statement : policy.get("Statement")) {
			if (sid.equals(statement.get("Sid").asString())) {
				return statement;
			}
		}
		throw new AssertionError("No statement " + sid + " in " + policy);
	}

}
