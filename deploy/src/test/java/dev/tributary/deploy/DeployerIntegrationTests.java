package dev.tributary.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import dev.tributary.KinesisStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamViewType;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The deploy engine against {@code moto_server} through the real SDK.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class DeployerIntegrationTests {

	private static final String ACCOUNT = "123456789012";

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("shop");

	private final String table = MotoServerExtension.uniqueName("items");

	@TempDir
	Path directory;

	@Test
	void firstDeployCreatesEverythingAndASecondRunMakesNoMutatingCall() throws Exception {
		String queueUrl;
		try (SqsClient sqs = AwsTestClients.configure(SqsClient.builder()).build()) {
			// The stage's own queue for the name "failures", made by the user beforehand.
			queueUrl = sqs.createQueue((request) -> request.queueName(this.fixture.app() + "-dev-failures")).queueUrl();
		}
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.NEW_AND_OLD_IMAGES,
				StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(250)
			.maxBatchingWindow(Duration.ofSeconds(5))
			.maxRetryAttempts(3)
			.maxRecordAge(Duration.ofHours(1))
			.bisectOnError(true)
			.parallelizationFactor(2)
			.onFailureDestination("failures")
			.filterPatterns(List.of("{\"eventName\":[\"INSERT\"]}"))
			.build();
		DeployOptions deployOptions = options("v1").mainClass("dev.tributary.sample.SampleApplication").build();
		TestRegistry registry = TestRegistry.of("itemsProcessor", this.table, source, options);

		Plan first = this.fixture.deployer().deploy(registry, deployOptions);

		// The queue is the user's: used as it is, never changed.
		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("table CREATE", "queue UNCHANGED", "role CREATE", "log-group CREATE", "function CREATE",
					"mapping CREATE");
		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		String function = names.function("itemsProcessor");
		TableDescription description = this.fixture.clients().dynamoDb()
			.describeTable((request) -> request.tableName(this.table))
			.table();
		assertThat(description.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
		String streamArn = description.latestStreamArn();

		String role = names.role("itemsProcessor", "us-east-1");
		JsonNode policy = json(this.fixture.clients().iam()
			.getRolePolicy((request) -> request.roleName(role).policyName(ResourceNames.POLICY_NAME))
			.policyDocument());
		assertThat(statement(policy, "ReadStream")).isEqualTo(json("""
				{"Sid":"ReadStream","Effect":"Allow","Action":["dynamodb:DescribeStream","dynamodb:GetRecords",
				"dynamodb:GetShardIterator"],"Resource":"%s"}""".formatted(streamArn)));
		assertThat(statement(policy, "ListStreams")).isEqualTo(json("""
				{"Sid":"ListStreams","Effect":"Allow","Action":"dynamodb:ListStreams","Resource":"*"}"""));
		assertThat(statement(policy, "WriteOwnLogs")).isEqualTo(json("""
				{"Sid":"WriteOwnLogs","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],
				"Resource":"arn:aws:logs:us-east-1:%s:log-group:/aws/lambda/%s:*"}""".formatted(ACCOUNT, function)));
		assertThat(statement(policy, "SendFailedRecords")).isEqualTo(json("""
				{"Sid":"SendFailedRecords","Effect":"Allow","Action":"sqs:SendMessage",
				"Resource":"arn:aws:sqs:us-east-1:%s:%s-dev-failures"}""".formatted(ACCOUNT, this.fixture.app())));
		assertThat(policy.get("Statement").size()).isEqualTo(4);
		String trust = java.net.URLDecoder.decode(
				this.fixture.clients()
					.iam()
					.getRole((request) -> request.roleName(role))
					.role()
					.assumeRolePolicyDocument(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(json(trust).at("/Statement/0/Principal/Service").asString()).isEqualTo("lambda.amazonaws.com");

		var configuration = this.fixture.clients().lambda()
			.getFunctionConfiguration((request) -> request.functionName(function));
		assertThat(configuration.runtimeAsString()).isEqualTo("java21");
		assertThat(configuration.handler()).isEqualTo(DeployOptions.DEFAULT_HANDLER);
		assertThat(configuration.memorySize()).isEqualTo(1024);
		assertThat(configuration.timeout()).isEqualTo(30);
		assertThat(configuration.role()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/" + role);
		assertThat(configuration.codeSha256()).isEqualTo(Artifact.of(this.directory.resolve("function-v1.zip")).sha256Base64());
		assertThat(configuration.environment().variables()).containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION",
				"itemsProcessor")
			.containsEntry("MAIN_CLASS", "dev.tributary.sample.SampleApplication")
			.containsEntry("TRIBUTARY_STAGE", "dev");
		assertThat(this.fixture.clients().lambda().getFunction((request) -> request.functionName(function)).tags())
			.containsEntry("tributary:app", this.fixture.app())
			.containsEntry("tributary:stage", "dev");

		EventSourceMappingConfiguration mapping = this.fixture.clients().lambda()
			.listEventSourceMappings((request) -> request.functionName(function))
			.eventSourceMappings()
			.get(0);
		assertThat(mapping.eventSourceArn()).isEqualTo(streamArn);
		assertThat(mapping.state()).isEqualTo("Enabled");
		assertThat(mapping.startingPositionAsString()).isEqualTo("TRIM_HORIZON");
		assertThat(mapping.batchSize()).isEqualTo(250);
		assertThat(mapping.maximumBatchingWindowInSeconds()).isEqualTo(5);
		assertThat(mapping.maximumRetryAttempts()).isEqualTo(3);
		assertThat(mapping.maximumRecordAgeInSeconds()).isEqualTo(3600);
		assertThat(mapping.bisectBatchOnFunctionError()).isTrue();
		assertThat(mapping.parallelizationFactor()).isEqualTo(2);
		assertThat(mapping.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
		assertThat(mapping.filterCriteria().filters().get(0).pattern()).isEqualTo("{\"eventName\":[\"INSERT\"]}");
		assertThat(mapping.destinationConfig().onFailure().destination())
			.isEqualTo("arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + this.fixture.app() + "-dev-failures");
		assertThat(this.fixture.clients().logs()
			.describeLogGroups((request) -> request.logGroupNamePrefix("/aws/lambda/" + function))
			.logGroups()
			.get(0)
			.retentionInDays()).isEqualTo(14);
		assertThat(queueUrl).endsWith(this.fixture.app() + "-dev-failures");

		this.fixture.recorder().clear();
		this.fixture.output().clear();
		Plan second = this.fixture.deployer().deploy(registry, deployOptions);

		assertThat(second.isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
		assertThat(String.join("\n", this.fixture.output())).contains("No changes: 6 resources up to date.")
			.contains("nothing to do");
	}

	@Test
	void batchSizeChangeUpdatesOnlyTheMapping() throws Exception {
		DeployOptions deployOptions = options("v1").build();
		this.fixture.deployer()
			.deploy(TestRegistry.of("orders", this.table, ProcessorOptions.defaults()), deployOptions);
		this.fixture.recorder().clear();

		Plan plan = this.fixture.deployer().deploy(
				TestRegistry.of("orders", this.table, ProcessorOptions.builder().batchSize(500).build()), deployOptions);

		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("UpdateEventSourceMapping");
		assertThat(plan.changes()).filteredOn((change) -> change.action() == Action.UPDATE)
			.singleElement()
			.satisfies((change) -> {
				assertThat(change.type()).isEqualTo("mapping");
				assertThat(change.changes()).singleElement().hasToString("BatchSize: 100 -> 500");
			});
	}

	@Test
	void codeChangeUpdatesOnlyTheCode() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		this.fixture.deployer().deploy(registry, options("v1").build());
		this.fixture.recorder().clear();

		this.fixture.deployer().deploy(registry, options("v2").build());

		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("UpdateFunctionCode");
		String function = new ResourceNames(this.fixture.app(), "dev").function("orders");
		assertThat(this.fixture.clients()
			.lambda()
			.getFunctionConfiguration((request) -> request.functionName(function))
			.codeSha256())
			.isEqualTo(Artifact.of(this.directory.resolve("function-v2.zip")).sha256Base64());
	}

	@Test
	void deployInterruptedHalfwayConvergesWhenRunAgain() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table,
				DynamoDbStreamOptions.defaults().withViewType(StreamViewType.NEW_IMAGE), ProcessorOptions.defaults());
		DeployOptions deployOptions = options("v1").build();
		// CreateTable, CreateRole, PutRolePolicy, then fail on CreateLogGroup.
		this.fixture.recorder().failOnMutatingCall(4);

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().deploy(registry, deployOptions))
			.withMessageContaining("stopped at log-group")
			.withMessageContaining("run the command again");
		this.fixture.recorder().clear();
		Plan resumed = this.fixture.deployer().deploy(registry, deployOptions);

		assertThat(resumed.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("table UNCHANGED", "role UNCHANGED", "log-group CREATE", "function CREATE",
					"mapping CREATE");
		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("CreateLogGroup", "PutRetentionPolicy",
				"CreateFunction", "CreateEventSourceMapping");
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry, deployOptions).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void destroyRemovesWhatDeployMadeAndKeepsTheTableAndItsItems() throws Exception {
		this.fixture.clients().dynamoDb()
			.createTable((request) -> request.tableName(this.table)
				.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType("S"))
				.keySchema((key) -> key.attributeName("id").keyType("HASH"))
				.billingMode("PAY_PER_REQUEST"));
		// Written before any mapping exists: moto would otherwise try to invoke the function.
		this.fixture.clients().dynamoDb()
			.putItem((request) -> request.tableName(this.table).item(Map.of("id", AttributeValue.fromS("kept"))));
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		Plan deployed = this.fixture.deployer().deploy(registry, options("v1").build());
		assertThat(deployed.changes().get(0).action()).isEqualTo(Action.UPDATE);

		this.fixture.recorder().clear();
		Plan destroyed = this.fixture.deployer().destroy(registry, options("v1").build());

		assertThat(destroyed.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("mapping DELETE", "function DELETE", "role DELETE", "log-group DELETE",
					"bucket UNCHANGED", "table UNCHANGED");
		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		assertThat(this.fixture.clients()
			.lambda()
			.listEventSourceMappings((request) -> request.functionName(names.function("orders")))
			.eventSourceMappings()).isEmpty();
		assertThatExceptionOfType(software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class)
			.isThrownBy(() -> this.fixture.clients()
				.lambda()
				.getFunction((request) -> request.functionName(names.function("orders"))));
		assertThatExceptionOfType(NoSuchEntityException.class).isThrownBy(() -> this.fixture.clients().iam()
			.getRole((request) -> request.roleName(names.role("orders", "us-east-1"))));
		assertThat(this.fixture.clients().dynamoDb()
			.getItem((request) -> request.tableName(this.table).key(Map.of("id", AttributeValue.fromS("kept"))))
			.item()).containsKey("id");
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().destroy(registry, options("v1").build()).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void destroyDeletesTablesItCreatedOnlyWhenTold() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		this.fixture.deployer().deploy(registry, options("v1").build());

		this.fixture.deployer().destroy(registry, options("v1").destroyTables(true).build());

		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(
				() -> this.fixture.clients().dynamoDb().describeTable((request) -> request.tableName(this.table)));
	}

	@Test
	void artifactOverTheDirectUploadLimitGoesThroughTheBucket() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		DeployOptions deployOptions = options("v1").directUploadLimit(10).build();

		this.fixture.deployer().deploy(registry, deployOptions);

		String bucket = new ResourceNames(this.fixture.app(), "dev").bucket(ACCOUNT, "us-east-1");
		assertThat(this.fixture.clients().s3().listObjectsV2((request) -> request.bucket(bucket)).contents())
			.hasSize(1);
		String function = new ResourceNames(this.fixture.app(), "dev").function("orders");
		assertThat(this.fixture.clients()
			.lambda()
			.getFunctionConfiguration((request) -> request.functionName(function))
			.codeSha256())
			.isEqualTo(Artifact.of(this.directory.resolve("function-v1.zip")).sha256Base64());
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry, deployOptions).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();

		this.fixture.deployer().destroy(registry, deployOptions);
		assertThatNoException().isThrownBy(() -> assertThat(
				this.fixture.clients().s3().listBuckets().buckets().stream().map((b) -> b.name()).toList())
			.doesNotContain(bucket));
	}

	@Test
	void planChangesNothing() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());

		Plan plan = this.fixture.deployer().plan(registry, options("v1").build());

		assertThat(plan.changes()).extracting((change) -> change.action()).containsOnly(Action.CREATE);
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
		assertThat(String.join("\n", this.fixture.output())).contains("(known after apply)")
			.contains("Plan: 5 to create.");
	}

	@Test
	void aKinesisProcessorIsPlannedBesideAStreamProcessorWithItsStreamRoleFunctionAndMapping() throws Exception {
		TestRegistry dynamoDb = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		String stream = MotoServerExtension.uniqueName("clicks-stream");
		KinesisProcessorDefinition<String> kinesis = new KinesisProcessorDefinition<>("clicks",
				new KinesisStreamBinding(
						new KinesisStreamDescriptor("clicks-stream", stream, null, KinesisStreamMode.PROVISIONED, 1),
						KinesisStreamOptions.defaults()), ProcessorOptions.defaults(),
				ResolvableType.forClass(String.class), (records) -> records.then());
		StreamProcessorRegistry registry = new DefaultStreamProcessorRegistry(
				Stream.concat(dynamoDb.getProcessors().stream(), Stream.of(kinesis)).toList());

		Plan plan = this.fixture.deployer().plan(registry, options("v1").build());

		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		assertThat(plan.changes()).extracting((change) -> change.type() + " " + change.name())
			.containsExactly("table " + this.table, "stream " + stream, "role " + names.role("clicks", "us-east-1"),
					"log-group " + names.logGroup("clicks"), "function " + names.function("clicks"),
					"mapping " + names.function("clicks"), "role " + names.role("orders", "us-east-1"),
					"log-group " + names.logGroup("orders"), "function " + names.function("orders"),
					"mapping " + names.function("orders"));
		assertThat(this.fixture.output()).noneMatch((line) -> line.contains("Skipping"));
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void planFlagsAStreamWhoseViewTypeNoLongerCoversTheProcessorsAsAReplacementAndChangesNothing() throws Exception {
		String oldStream = this.fixture.clients().dynamoDb()
			.createTable((request) -> request.tableName(this.table)
				.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType("S"))
				.keySchema((key) -> key.attributeName("id").keyType("HASH"))
				.billingMode("PAY_PER_REQUEST")
				.streamSpecification((stream) -> stream.streamEnabled(true).streamViewType("KEYS_ONLY")))
			.tableDescription()
			.latestStreamArn();
		this.fixture.recorder().clear();
		TestRegistry registry = TestRegistry.of("orders", this.table,
				DynamoDbStreamOptions.defaults().withViewType(StreamViewType.NEW_AND_OLD_IMAGES),
				ProcessorOptions.defaults());

		Plan plan = this.fixture.deployer().plan(registry, options("v1").build());

		assertThat(plan.changes().get(0)).satisfies((change) -> {
			assertThat(change.action()).isEqualTo(Action.REPLACE);
			assertThat(change.findConsequence()).hasValueSatisfying(
					(consequence) -> assertThat(consequence).contains(oldStream + " is retired").contains("gap"));
		});
		assertThat(String.join("\n", this.fixture.output())).containsPattern("! replace +table")
			.contains("StreamViewType: KEYS_ONLY -> NEW_AND_OLD_IMAGES")
			.contains("EventSourceArn: (known after apply)");
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
		assertThat(this.fixture.clients().dynamoDb().describeTable((request) -> request.tableName(this.table)).table()
			.latestStreamArn()).isEqualTo(oldStream);
	}

	private DeployOptions.Builder options(String version) throws Exception {
		return DeployOptions.builder(this.fixture.app()).artifact(TestArtifacts.zip(this.directory, version));
	}

	private static JsonNode json(String text) {
		// IAM returns documents URL-encoded, as AWS does.
		String decoded = text.startsWith("%") ? java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8)
				: text;
		return JsonMapper.builder().build().readTree(decoded);
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
