package dev.tributary.deploy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import dev.tributary.KinesisStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.KinesisTestProcessors;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.Tag;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Deploying Kinesis processors against {@code moto_server} through the real SDK: the stream,
 * the role with the exact stream ARN, the function and the mapping with every option, and
 * plan, re-run, rescale and destroy.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class KinesisDeployIntegrationTests {

	private static final String ACCOUNT = "123456789012";

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("feed");

	private final String streamName = MotoServerExtension.uniqueName("clicks");

	@TempDir
	Path directory;

	@Test
	void firstDeployCreatesTheStreamRoleFunctionAndMappingWithEveryOptionAndASecondRunChangesNothing()
			throws Exception {
		Instant from = Instant.parse("2026-12-01T10:15:30Z");
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(250)
			.maxBatchingWindow(Duration.ofSeconds(5))
			.maxRetryAttempts(3)
			.maxRecordAge(Duration.ofHours(1))
			.bisectOnError(true)
			.parallelizationFactor(4)
			.onFailureDestination("failures")
			.filterPatterns(List.of("{\"partitionKey\":[\"k1\"]}"))
			.build();
		StreamProcessorRegistry registry = KinesisTestProcessors.registry(KinesisTestProcessors.processor("logClicks",
				stream(3), new KinesisStreamOptions(StartingPosition.AT_TIMESTAMP, from), options));

		Plan first = this.fixture.deployer().deploy(registry, options("v1"));

		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("stream CREATE", "queue CREATE", "role CREATE", "log-group CREATE", "function CREATE",
					"mapping CREATE");
		assertThat(first.changes().get(0).changes()).extracting(Object::toString)
			.containsExactly("StreamMode: PROVISIONED", "ShardCount: 3");
		StreamDescriptionSummary stream = describe();
		String streamArn = "arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/" + this.streamName;
		assertThat(stream.streamARN()).isEqualTo(streamArn);
		assertThat(stream.streamStatusAsString()).isEqualTo("ACTIVE");
		assertThat(stream.openShardCount()).isEqualTo(3);
		assertThat(stream.streamModeDetails().streamModeAsString()).isEqualTo("PROVISIONED");
		assertThat(tags(this.streamName)).containsEntry("tributary:app", this.fixture.app())
			.containsEntry("tributary:stage", "dev")
			.containsEntry("tributary:resource", "stream/clicks");

		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		String role = names.role("logClicks", "us-east-1");
		String function = names.function("logClicks");
		JsonNode policy = json(this.fixture.clients()
			.iam()
			.getRolePolicy((request) -> request.roleName(role).policyName(ResourceNames.POLICY_NAME))
			.policyDocument());
		assertThat(statement(policy, "ReadStream")).isEqualTo(json("""
				{"Sid":"ReadStream","Effect":"Allow","Action":["kinesis:DescribeStream","kinesis:DescribeStreamSummary",
				"kinesis:GetRecords","kinesis:GetShardIterator","kinesis:ListShards"],"Resource":"%s"}""".formatted(streamArn)));
		assertThat(statement(policy, "ListStreams")).isEqualTo(json("""
				{"Sid":"ListStreams","Effect":"Allow","Action":"kinesis:ListStreams","Resource":"*"}"""));
		assertThat(statement(policy, "WriteOwnLogs").get("Resource").asString())
			.isEqualTo("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/" + function + ":*");
		assertThat(statement(policy, "SendFailedRecords").get("Resource").asString())
			.isEqualTo("arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + names.queue("failures"));
		assertThat(policy.get("Statement").size()).isEqualTo(4);

		var configuration = this.fixture.clients()
			.lambda()
			.getFunctionConfiguration((request) -> request.functionName(function));
		assertThat(configuration.handler()).isEqualTo(DeployOptions.DEFAULT_HANDLER);
		assertThat(configuration.role()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/" + role);
		// The Lambda side registers a Kinesis processor's function under the processor's bean name.
		assertThat(configuration.environment().variables())
			.containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", "logClicks")
			.containsEntry("TRIBUTARY_PROCESSOR", "logClicks");
		assertThat(this.fixture.clients().lambda().getFunction((request) -> request.functionName(function)).tags())
			.containsEntry("tributary:resource", "function/logClicks");

		EventSourceMappingConfiguration mapping = mappings(function).get(0);
		assertThat(mapping.eventSourceArn()).isEqualTo(streamArn);
		assertThat(mapping.state()).isEqualTo("Enabled");
		assertThat(mapping.startingPositionAsString()).isEqualTo("AT_TIMESTAMP");
		// moto stores StartingPositionTimestamp but does not return it: check what was sent.
		assertThat(this.fixture.recorder()
			.lastRequest("CreateEventSourceMapping", CreateEventSourceMappingRequest.class)
			.startingPositionTimestamp()).isEqualTo(from);
		assertThat(mapping.batchSize()).isEqualTo(250);
		assertThat(mapping.maximumBatchingWindowInSeconds()).isEqualTo(5);
		assertThat(mapping.maximumRetryAttempts()).isEqualTo(3);
		assertThat(mapping.maximumRecordAgeInSeconds()).isEqualTo(3600);
		assertThat(mapping.bisectBatchOnFunctionError()).isTrue();
		assertThat(mapping.parallelizationFactor()).isEqualTo(4);
		assertThat(mapping.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
		assertThat(mapping.filterCriteria().filters().get(0).pattern()).isEqualTo("{\"partitionKey\":[\"k1\"]}");
		assertThat(mapping.destinationConfig().onFailure().destination())
			.isEqualTo("arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + names.queue("failures"));

		this.fixture.recorder().clear();
		this.fixture.output().clear();
		Plan second = this.fixture.deployer().deploy(registry, options("v1"));

		assertThat(second.isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
		assertThat(String.join("\n", this.fixture.output())).contains("No changes: 6 resources up to date.");
	}

	@Test
	void planNamesTheExactStreamArnBeforeTheStreamExistsAndChangesNothing() throws Exception {
		StreamProcessorRegistry registry = KinesisTestProcessors
			.registry(KinesisTestProcessors.processor("logClicks", stream(2)));

		Plan plan = this.fixture.deployer().plan(registry, options("v1"));

		assertThat(plan.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("stream CREATE", "role CREATE", "log-group CREATE", "function CREATE", "mapping CREATE");
		assertThat(plan.changes().get(4).changes()).extracting(Object::toString)
			.contains("EventSourceArn: arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/" + this.streamName,
					"StartingPosition: LATEST");
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(this::describe);
	}

	@Test
	void aShardCountChangeIsPlannedAndAppliedInStepsOfAtMostDoubleAndTheRunAfterChangesNothing()
			throws Exception {
		this.fixture.deployer()
			.deploy(KinesisTestProcessors.registry(KinesisTestProcessors.processor("logClicks", stream(1))),
					options("v1"));
		this.fixture.recorder().clear();
		StreamProcessorRegistry rescaled = KinesisTestProcessors
			.registry(KinesisTestProcessors.processor("logClicks", stream(4)));

		Plan plan = this.fixture.deployer().deploy(rescaled, options("v1"));

		assertThat(plan.changes()).filteredOn((change) -> change.action().mutates())
			.singleElement()
			.satisfies((change) -> {
				assertThat(change.type()).isEqualTo("stream");
				assertThat(change.action()).isEqualTo(Action.UPDATE);
				assertThat(change.changes()).singleElement().hasToString("ShardCount: 1 -> 4");
			});
		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("UpdateShardCount", "UpdateShardCount");
		assertThat(this.fixture.output()).contains("  scaling stream " + this.streamName + " from 1 to 2 shards",
				"  scaling stream " + this.streamName + " from 2 to 4 shards");
		assertThat(describe().openShardCount()).isEqualTo(4);
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(rescaled, options("v1")).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void aModeChangeSwitchesTheStreamToOnDemand() throws Exception {
		this.fixture.deployer()
			.deploy(KinesisTestProcessors.registry(KinesisTestProcessors.processor("logClicks", stream(1))),
					options("v1"));
		this.fixture.recorder().clear();
		KinesisStreamDescriptor onDemand = new KinesisStreamDescriptor("clicks", this.streamName, null,
				KinesisStreamMode.ON_DEMAND, 1);

		Plan plan = this.fixture.deployer()
			.deploy(KinesisTestProcessors.registry(KinesisTestProcessors.processor("logClicks", onDemand)),
					options("v1"));

		assertThat(plan.changes().get(0).changes()).extracting(Object::toString)
			.containsExactly("StreamMode: PROVISIONED -> ON_DEMAND");
		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("UpdateStreamMode");
		assertThat(describe().streamModeDetails().streamModeAsString()).isEqualTo("ON_DEMAND");
	}

	@Test
	void anOnDemandStreamIsCreatedWithoutAShardCountWhichIsNeverComparedAfterwards() throws Exception {
		KinesisStreamDescriptor onDemand = new KinesisStreamDescriptor("clicks", this.streamName, null,
				KinesisStreamMode.ON_DEMAND, 1);
		StreamProcessorRegistry registry = KinesisTestProcessors
			.registry(KinesisTestProcessors.processor("logClicks", onDemand));

		Plan first = this.fixture.deployer().deploy(registry, options("v1"));

		assertThat(first.changes().get(0).changes()).extracting(Object::toString).containsExactly("StreamMode: ON_DEMAND");
		assertThat(this.fixture.recorder().lastRequest("CreateStream", CreateStreamRequest.class).shardCount())
			.isNull();
		assertThat(describe().streamModeDetails().streamModeAsString()).isEqualTo("ON_DEMAND");
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry, options("v1")).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void aDeployInterruptedAfterTheStreamWasCreatedConvergesWhenRunAgain() throws Exception {
		StreamProcessorRegistry registry = KinesisTestProcessors
			.registry(KinesisTestProcessors.processor("logClicks", stream(2)));
		// CreateStream and AddTagsToStream (moto ignores CreateStream's tags), then fail on CreateRole.
		this.fixture.recorder().failOnMutatingCall(3);

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().deploy(registry, options("v1")))
			.withMessageContaining("stopped at role");
		this.fixture.recorder().clear();
		Plan resumed = this.fixture.deployer().deploy(registry, options("v1"));

		assertThat(resumed.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("stream UNCHANGED", "role CREATE", "log-group CREATE", "function CREATE",
					"mapping CREATE");
		assertThat(describe().openShardCount()).isEqualTo(2);
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry, options("v1")).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void destroyRemovesMappingFunctionRoleAndLogGroupAndKeepsTheStreamUnlessTold() throws Exception {
		StreamProcessorRegistry registry = KinesisTestProcessors
			.registry(KinesisTestProcessors.processor("logClicks", stream(2)));
		this.fixture.deployer().deploy(registry, options("v1"));
		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");

		Plan destroyed = this.fixture.deployer().destroy(registry, options("v1"));

		assertThat(destroyed.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("mapping DELETE", "function DELETE", "role DELETE", "log-group DELETE",
					"bucket UNCHANGED", "stream UNCHANGED");
		assertThat(destroyed.changes().get(5).findConsequence())
			.hasValue("kept with its records (set tributary.deploy.destroy-streams=true to delete it)");
		assertThat(mappings(names.function("logClicks"))).isEmpty();
		assertThatExceptionOfType(software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class)
			.isThrownBy(() -> this.fixture.clients()
				.lambda()
				.getFunction((request) -> request.functionName(names.function("logClicks"))));
		assertThatExceptionOfType(NoSuchEntityException.class).isThrownBy(() -> this.fixture.clients()
			.iam()
			.getRole((request) -> request.roleName(names.role("logClicks", "us-east-1"))));
		assertThat(describe().streamStatusAsString()).isEqualTo("ACTIVE");

		Plan streams = this.fixture.deployer()
			.destroy(registry, options("v1").toBuilder().destroyStreams(true).build());

		assertThat(streams.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.type() + " " + change.action())
			.containsExactly("stream DELETE");
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(this::describe);
	}

	@Test
	void anExistingStreamNamedByArnIsReadButNeverCreatedChangedOrDeleted() throws Exception {
		this.fixture.clients()
			.kinesis()
			.createStream((request) -> request.streamName(this.streamName).shardCount(2));
		String arn = describe().streamARN();
		StreamProcessorRegistry registry = KinesisTestProcessors
			.registry(KinesisTestProcessors.processor("logClicks", KinesisTestProcessors.existing(arn)));
		this.fixture.recorder().clear();

		Plan deployed = this.fixture.deployer().deploy(registry, options("v1"));

		assertThat(deployed.changes().get(0)).satisfies((change) -> {
			assertThat(change.type()).isEqualTo("stream");
			assertThat(change.action()).isEqualTo(Action.UNCHANGED);
		});
		assertThat(mappings(new ResourceNames(this.fixture.app(), "dev").function("logClicks")))
			.singleElement()
			.satisfies((mapping) -> assertThat(mapping.eventSourceArn()).isEqualTo(arn));
		Plan destroyed = this.fixture.deployer()
			.destroy(registry, options("v1").toBuilder().destroyStreams(true).build());

		assertThat(destroyed.changes().get(destroyed.changes().size() - 1).findConsequence())
			.hasValue("kept: an existing stream named by its ARN is never deleted");
		assertThat(this.fixture.recorder().mutatingCalls()).noneMatch((call) -> call.endsWith("Stream")
				|| call.equals("UpdateShardCount") || call.equals("UpdateStreamMode") || call.equals("AddTagsToStream"));
		assertThat(describe().openShardCount()).isEqualTo(2);
		assertThat(tags(this.streamName)).isEmpty();
	}

	@Test
	void anExistingStreamArnThatDoesNotExistStopsThePlanNamingTheArn() throws Exception {
		String arn = "arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/" + this.streamName;
		StreamProcessorRegistry registry = KinesisTestProcessors
			.registry(KinesisTestProcessors.processor("logClicks", KinesisTestProcessors.existing(arn)));

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().plan(registry, options("v1")))
			.withMessage("Kinesis stream " + arn + " (named by its ARN by processor(s) [logClicks] "
					+ "(@KinesisStreamProcessor(stream) or tributary.processors.<bean>.stream)) does not exist in region "
					+ "us-east-1: deploy never creates a stream named by its ARN. Create it, correct the ARN, or "
					+ "declare the stream under tributary.streams.<id> by name so that deploy creates it");
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void anExistingStreamArnOfAnotherRegionStopsThePlanNamingBothRegions() throws Exception {
		String arn = "arn:aws:kinesis:eu-west-1:" + ACCOUNT + ":stream/" + this.streamName;
		StreamProcessorRegistry registry = KinesisTestProcessors
			.registry(KinesisTestProcessors.processor("logClicks", KinesisTestProcessors.existing(arn)));

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().plan(registry, options("v1")))
			.withMessageContaining("is in region eu-west-1 but deploy deploys to us-east-1: an event source mapping "
					+ "reads a stream of its own region only");
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void aKinesisProcessorRemovedFromTheCodeIsDeletedAndAStreamProcessorBesideItIsKept() throws Exception {
		String table = MotoServerExtension.uniqueName("items");
		KinesisProcessorDefinition<String> clicks = KinesisTestProcessors.processor("logClicks", stream(1));
		TestRegistry orders = TestRegistry.of("orders", table, ProcessorOptions.defaults());
		this.fixture.deployer()
			.deploy(new DefaultStreamProcessorRegistry(
					Stream.concat(orders.getProcessors().stream(), Stream.of(clicks)).toList()), options("v1"));

		Plan plan = this.fixture.deployer().deploy(orders, options("v1"));

		assertThat(plan.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.type() + " " + change.action() + " " + change.findConsequence().orElse(""))
			.containsExactly("mapping DELETE processor 'logClicks' is no longer in the code; the function stops "
					+ "receiving records; the stream keeps them for 24 hours",
					"function DELETE processor 'logClicks' is no longer in the code",
					"role DELETE processor 'logClicks' is no longer in the code",
					"log-group DELETE processor 'logClicks' is no longer in the code");
		assertThat(describe().streamStatusAsString()).isEqualTo("ACTIVE");
	}

	private KinesisStreamDescriptor stream(int shards) {
		return KinesisTestProcessors.provisioned("clicks", this.streamName, shards);
	}

	private DeployOptions options(String version) throws Exception {
		return DeployOptions.builder(this.fixture.app()).artifact(TestArtifacts.zip(this.directory, version)).build();
	}

	private StreamDescriptionSummary describe() {
		return this.fixture.clients()
			.kinesis()
			.describeStreamSummary((request) -> request.streamName(this.streamName))
			.streamDescriptionSummary();
	}

	private Map<String, String> tags(String stream) {
		return this.fixture.clients()
			.kinesis()
			.listTagsForStream((request) -> request.streamName(stream))
			.tags()
			.stream()
			.collect(Collectors.toMap(Tag::key, Tag::value));
	}

	private List<EventSourceMappingConfiguration> mappings(String function) {
		return this.fixture.clients()
			.lambda()
			.listEventSourceMappings((request) -> request.functionName(function))
			.eventSourceMappings();
	}

	private static JsonNode json(String text) {
		String decoded = text.startsWith("%") ? URLDecoder.decode(text, StandardCharsets.UTF_8) : text;
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
