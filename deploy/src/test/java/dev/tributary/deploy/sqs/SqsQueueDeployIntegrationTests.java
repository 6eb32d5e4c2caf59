package dev.tributary.deploy.sqs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.tributary.ProcessorOptions;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueOptions;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.SqsTestProcessors;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.MotoServerExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Deploying SQS processors against {@code moto_server} through the real SDK: the queue and its
 * dead-letter queue with the redrive policy, the role reading exactly the queue's ARN, the
 * mapping with the queue settings only, and plan, re-run, updates, destroy and queues named by
 * ARN.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class SqsQueueDeployIntegrationTests {

	private static final String ACCOUNT = "123456789012";

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("orders");

	private final String queueName = MotoServerExtension.uniqueName("orders");

	private final String deadLetterName = this.queueName + "-dlq";

	@TempDir
	Path directory;

	@Test
	void firstDeployCreatesQueueDeadLetterQueueRoleFunctionAndMappingAndASecondRunChangesNothing() throws Exception {
		ProcessorOptions options = ProcessorOptions.builder()
			.batchSize(50)
			.maxBatchingWindow(Duration.ofSeconds(5))
			.filterPatterns(List.of("{\"body\":{\"kind\":[\"order\"]}}"))
			.build();
		StreamProcessorRegistry registry = SqsTestProcessors.registry(SqsTestProcessors.processor("handleOrders",
				queue(Duration.ofMinutes(3), this.deadLetterName, 3), new SqsQueueOptions(5), options));

		Plan first = this.fixture.deployer().deploy(registry, options());

		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("dead-letter-queue CREATE", "queue CREATE", "role CREATE", "log-group CREATE",
					"function CREATE", "mapping CREATE");
		String queueArn = arn(this.queueName);
		String deadLetterArn = arn(this.deadLetterName);
		assertThat(queueArn).isEqualTo("arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + this.queueName);
		assertThat(first.changes().get(1).changes()).extracting(Object::toString)
			.containsExactly("VisibilityTimeout: 180", "RedrivePolicy: {\"deadLetterTargetArn\":\"" + deadLetterArn
					+ "\",\"maxReceiveCount\":3}");
		// 180 s is six times the function's 30 s: no warning.
		assertThat(first.changes().get(1).findConsequence()).isEmpty();
		Map<String, String> attributes = attributes(this.queueName);
		assertThat(attributes).containsEntry("VisibilityTimeout", "180").doesNotContainKey("FifoQueue");
		JsonNode redrive = json.readTree(attributes.get("RedrivePolicy"));
		assertThat(redrive.get("deadLetterTargetArn").asString()).isEqualTo(deadLetterArn);
		assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(3);
		assertThat(tags(this.queueName)).containsEntry("tributary:app", this.fixture.app())
			.containsEntry("tributary:stage", "dev")
			.containsEntry("tributary:resource", "queue/orders");
		assertThat(tags(this.deadLetterName)).containsEntry("tributary:app", this.fixture.app())
			.containsEntry("tributary:stage", "dev")
			.containsEntry("tributary:resource", "dead-letter-queue/" + this.deadLetterName);

		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		String function = names.function("handleOrders");
		JsonNode policy = json(this.fixture.clients()
			.iam()
			.getRolePolicy((request) -> request.roleName(names.role("handleOrders", "us-east-1"))
				.policyName(ResourceNames.POLICY_NAME))
			.policyDocument());
		assertThat(statement(policy, "ReadQueue")).isEqualTo(json("""
				{"Sid":"ReadQueue","Effect":"Allow","Action":["sqs:ReceiveMessage","sqs:DeleteMessage",
				"sqs:GetQueueAttributes","sqs:ChangeMessageVisibility"],"Resource":"%s"}""".formatted(queueArn)));
		assertThat(statement(policy, "WriteOwnLogs").get("Resource").asString())
			.isEqualTo("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/" + function + ":*");
		assertThat(policy.get("Statement").size()).isEqualTo(2);
		// The Lambda side registers an SQS processor's function under the processor's bean name.
		assertThat(this.fixture.clients()
			.lambda()
			.getFunctionConfiguration((request) -> request.functionName(function))
			.environment()
			.variables()).containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", "handleOrders");

		EventSourceMappingConfiguration mapping = mappings(function).get(0);
		assertThat(mapping.eventSourceArn()).isEqualTo(queueArn);
		assertThat(mapping.state()).isEqualTo("Enabled");
		assertThat(mapping.batchSize()).isEqualTo(50);
		assertThat(mapping.maximumBatchingWindowInSeconds()).isEqualTo(5);
		assertThat(mapping.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
		assertThat(mapping.scalingConfig().maximumConcurrency()).isEqualTo(5);
		assertThat(mapping.filterCriteria().filters().get(0).pattern()).isEqualTo("{\"body\":{\"kind\":[\"order\"]}}");
		// Lambda rejects the stream settings on an SQS mapping: none is sent.
		CreateEventSourceMappingRequest sent = this.fixture.recorder()
			.lastRequest("CreateEventSourceMapping", CreateEventSourceMappingRequest.class);
		assertThat(sent.startingPosition()).isNull();
		assertThat(sent.maximumRetryAttempts()).isNull();
		assertThat(sent.maximumRecordAgeInSeconds()).isNull();
		assertThat(sent.bisectBatchOnFunctionError()).isNull();
		assertThat(sent.parallelizationFactor()).isNull();
		assertThat(sent.destinationConfig()).isNull();

		this.fixture.recorder().clear();
		this.fixture.output().clear();
		Plan second = this.fixture.deployer().deploy(registry, options());

		assertThat(second.isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
		assertThat(String.join("\n", this.fixture.output())).contains("No changes: 6 resources up to date.");
	}

	@Test
	void planNamesTheExactQueueArnBeforeTheQueueExistsWarnsBelowSixTimesTheFunctionTimeoutAndChangesNothing()
			throws Exception {
		StreamProcessorRegistry registry = SqsTestProcessors
			.registry(SqsTestProcessors.processor("handleOrders", queue(Duration.ofSeconds(30), null, 5)));

		Plan plan = this.fixture.deployer().plan(registry, options());

		assertThat(plan.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("queue CREATE", "role CREATE", "log-group CREATE", "function CREATE", "mapping CREATE");
		assertThat(plan.changes().get(0).findConsequence()).hasValue("visibility timeout 30s "
				+ "(tributary.queues.orders.visibility-timeout) is less than the 180s AWS recommends, 6 times "
				+ "tributary.deploy.function.timeout (30s): when Lambda retries a throttled batch, its messages may "
				+ "become visible again and be processed twice. Set tributary.queues.orders.visibility-timeout to "
				+ "180s or more");
		assertThat(String.join("\n", this.fixture.output()))
			.contains("! queue " + this.queueName + ": visibility timeout 30s");
		assertThat(plan.changes().get(4).changes()).extracting(Object::toString)
			.contains("EventSourceArn: arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + this.queueName, "BatchSize: 10",
					"FunctionResponseTypes: [ReportBatchItemFailures]", "MaximumConcurrency: (none)")
			.noneMatch((field) -> field.startsWith("StartingPosition") || field.startsWith("MaximumRetryAttempts")
					|| field.startsWith("OnFailureDestination"));
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
		assertThatExceptionOfType(QueueDoesNotExistException.class).isThrownBy(() -> attributes(this.queueName));
	}

	@Test
	void aVisibilityTimeoutShorterThanTheFunctionTimeoutStopsThePlanNamingBothSettings() throws Exception {
		StreamProcessorRegistry registry = SqsTestProcessors
			.registry(SqsTestProcessors.processor("handleOrders", queue(Duration.ofSeconds(10), null, 5)));

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().plan(registry, options()))
			.withMessage("The visibility timeout of SQS queue '" + this.queueName
					+ "' (tributary.queues.orders.visibility-timeout = 10s) is shorter than the timeout of the function "
					+ "of processor(s) [handleOrders] (tributary.deploy.function.timeout = 30s): Lambda refuses the "
					+ "mapping, since a message would become visible again while its batch still runs. Set "
					+ "tributary.queues.orders.visibility-timeout to at least 30s (AWS recommends 6 times the function "
					+ "timeout, 180s), or lower tributary.deploy.function.timeout");
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void changedQueueAndMappingSettingsAreUpdatedInPlaceAndADeadLetterQueueCanBeRemoved() throws Exception {
		this.fixture.deployer()
			.deploy(SqsTestProcessors
				.registry(SqsTestProcessors.processor("handleOrders", queue(Duration.ofMinutes(3), null, 5))), options());
		this.fixture.recorder().clear();
		StreamProcessorRegistry changed = SqsTestProcessors.registry(SqsTestProcessors.processor("handleOrders",
				queue(Duration.ofMinutes(5), this.deadLetterName, 2), new SqsQueueOptions(20),
				ProcessorOptions.builder().batchSize(5).build()));

		Plan plan = this.fixture.deployer().deploy(changed, options());

		assertThat(plan.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> (change.type() + " " + change.action() + " " + fields(change)).strip())
			.containsExactly("dead-letter-queue CREATE",
					"queue UPDATE VisibilityTimeout: 180 -> 300; RedrivePolicy: (none) -> {\"deadLetterTargetArn\":\""
							+ arn(this.deadLetterName) + "\",\"maxReceiveCount\":2}",
					"mapping UPDATE BatchSize: 10 -> 5; MaximumConcurrency: (none) -> 20");
		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("CreateQueue", "SetQueueAttributes",
				"UpdateEventSourceMapping");
		assertThat(attributes(this.queueName)).containsEntry("VisibilityTimeout", "300");
		UpdateEventSourceMappingRequest update = this.fixture.recorder()
			.lastRequest("UpdateEventSourceMapping", UpdateEventSourceMappingRequest.class);
		assertThat(update.batchSize()).isEqualTo(5);
		assertThat(update.scalingConfig().maximumConcurrency()).isEqualTo(20);
		assertThat(update.maximumRetryAttempts()).isNull();
		assertThat(update.destinationConfig()).isNull();
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(changed, options()).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();

		Plan removed = this.fixture.deployer()
			.deploy(SqsTestProcessors.registry(SqsTestProcessors.processor("handleOrders",
					queue(Duration.ofMinutes(5), null, 5), new SqsQueueOptions(20),
					ProcessorOptions.builder().batchSize(5).build())), options());

		assertThat(removed.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.type() + " " + fields(change))
			.containsExactly("queue RedrivePolicy: {\"deadLetterTargetArn\":\"" + arn(this.deadLetterName)
					+ "\",\"maxReceiveCount\":2} -> (none)");
		assertThat(attributes(this.queueName)).doesNotContainKey("RedrivePolicy");
	}

	@Test
	void aFifoQueueAndItsDeadLetterQueueAreCreatedFifoAndARunAfterChangesNothing() throws Exception {
		SqsQueueDescriptor fifo = SqsTestProcessors.owned("orders", this.queueName + ".fifo", Duration.ofMinutes(3),
				this.deadLetterName + ".fifo", 4);
		StreamProcessorRegistry registry = SqsTestProcessors
			.registry(SqsTestProcessors.processor("handleOrders", fifo));

		Plan plan = this.fixture.deployer().deploy(registry, options());

		assertThat(plan.changes().get(0).changes()).extracting(Object::toString).containsExactly("FifoQueue: true");
		assertThat(plan.changes().get(1).changes()).extracting(Object::toString)
			.startsWith("FifoQueue: true", "VisibilityTimeout: 180");
		assertThat(attributes(this.queueName + ".fifo")).containsEntry("FifoQueue", "true");
		assertThat(attributes(this.deadLetterName + ".fifo")).containsEntry("FifoQueue", "true");
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry, options()).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void destroyRemovesMappingFunctionRoleAndLogGroupAndKeepsTheQueuesUnlessTold() throws Exception {
		StreamProcessorRegistry registry = SqsTestProcessors.registry(
				SqsTestProcessors.processor("handleOrders", queue(Duration.ofMinutes(3), this.deadLetterName, 3)));
		this.fixture.deployer().deploy(registry, options());
		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");

		Plan destroyed = this.fixture.deployer().destroy(registry, options());

		assertThat(destroyed.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("mapping DELETE", "function DELETE", "role DELETE", "log-group DELETE",
					"bucket UNCHANGED", "queue UNCHANGED", "dead-letter-queue UNCHANGED");
		assertThat(destroyed.changes().get(5).findConsequence())
			.hasValue("kept with its messages (set tributary.deploy.destroy-queues=true to delete it)");
		assertThat(mappings(names.function("handleOrders"))).isEmpty();
		assertThatExceptionOfType(NoSuchEntityException.class).isThrownBy(() -> this.fixture.clients()
			.iam()
			.getRole((request) -> request.roleName(names.role("handleOrders", "us-east-1"))));
		assertThat(attributes(this.queueName)).containsEntry("VisibilityTimeout", "180");

		Plan queues = this.fixture.deployer()
			.destroy(registry, options().toBuilder().destroyQueues(true).build());

		assertThat(queues.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.type() + " " + change.action())
			.containsExactly("queue DELETE", "dead-letter-queue DELETE");
		assertThatExceptionOfType(QueueDoesNotExistException.class).isThrownBy(() -> attributes(this.queueName));
		assertThatExceptionOfType(QueueDoesNotExistException.class).isThrownBy(() -> attributes(this.deadLetterName));
	}

	@Test
	void aQueueFoundWithoutThisStagesTagsIsUsedAsItIsAndNeverChangedOrDeleted() throws Exception {
		this.fixture.clients()
			.sqs()
			.createQueue((request) -> request.queueName(this.queueName)
				.attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "240")));
		StreamProcessorRegistry registry = SqsTestProcessors
			.registry(SqsTestProcessors.processor("handleOrders", queue(Duration.ofMinutes(3), null, 5)));
		this.fixture.recorder().clear();

		Plan deployed = this.fixture.deployer().deploy(registry, options());

		assertThat(deployed.changes().get(0)).satisfies((change) -> {
			assertThat(change.type() + " " + change.action()).isEqualTo("queue UNCHANGED");
			assertThat(change.findConsequence()).hasValue("used as it is, not changed: it was not created by "
					+ "Tributary for this app and stage, and it differs from tributary.queues.orders "
					+ "(VisibilityTimeout: 240 -> 180); change it where it is managed, or give this stage its own "
					+ "queue name");
		});
		Plan destroyed = this.fixture.deployer()
			.destroy(registry, options().toBuilder().destroyQueues(true).build());

		assertThat(destroyed.changes().get(destroyed.changes().size() - 1).findConsequence())
			.hasValue("kept: it was not created by Tributary for this app and stage");
		assertThat(this.fixture.recorder().mutatingCalls()).doesNotContain("SetQueueAttributes", "DeleteQueue",
				"TagQueue", "CreateQueue");
		assertThat(attributes(this.queueName)).containsEntry("VisibilityTimeout", "240");
	}

	@Test
	void anExistingQueueNamedByArnIsReadCheckedAgainstTheFunctionTimeoutButNeverChangedOrDeleted() throws Exception {
		String url = this.fixture.clients()
			.sqs()
			.createQueue((request) -> request.queueName(this.queueName)
				.attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60")))
			.queueUrl();
		String arn = arn(this.queueName);
		StreamProcessorRegistry registry = SqsTestProcessors
			.registry(SqsTestProcessors.processor("handleOrders", SqsTestProcessors.existing(arn)));
		this.fixture.recorder().clear();

		Plan deployed = this.fixture.deployer().deploy(registry, options());

		assertThat(deployed.changes().get(0)).satisfies((change) -> {
			assertThat(change.type() + " " + change.action()).isEqualTo("queue UNCHANGED");
			assertThat(change.findConsequence()).hasValueSatisfying((warning) -> assertThat(warning)
				.startsWith("visibility timeout 60s (its VisibilityTimeout attribute, which deploy does not change) "
						+ "is less than the 180s AWS recommends"));
		});
		assertThat(mappings(new ResourceNames(this.fixture.app(), "dev").function("handleOrders"))).singleElement()
			.satisfies((mapping) -> assertThat(mapping.eventSourceArn()).isEqualTo(arn));
		Plan destroyed = this.fixture.deployer()
			.destroy(registry, options().toBuilder().destroyQueues(true).build());

		assertThat(destroyed.changes().get(destroyed.changes().size() - 1).findConsequence())
			.hasValue("kept: an existing queue named by its ARN is never deleted");
		assertThat(this.fixture.recorder().mutatingCalls()).doesNotContain("SetQueueAttributes", "DeleteQueue",
				"TagQueue", "CreateQueue");
		assertThat(this.fixture.clients().sqs().listQueueTags((request) -> request.queueUrl(url)).tags()).isEmpty();
	}

	@Test
	void anExistingQueueArnThatDoesNotExistStopsThePlanNamingTheArn() throws Exception {
		String arn = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + this.queueName;
		StreamProcessorRegistry registry = SqsTestProcessors
			.registry(SqsTestProcessors.processor("handleOrders", SqsTestProcessors.existing(arn)));

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().plan(registry, options()))
			.withMessage("SQS queue " + arn + " (named by its ARN by processor(s) [handleOrders] "
					+ "(@SqsQueueProcessor(queue) or tributary.processors.<bean>.queue)) does not exist in region "
					+ "us-east-1: deploy never creates a queue named by its ARN. Create it, correct the ARN, or "
					+ "declare the queue under tributary.queues.<id> by name so that deploy creates it");
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void aQueueAnotherAppReadsStopsDestroyWithDestroyQueuesBeforeAnythingIsDeleted() throws Exception {
		StreamProcessorRegistry registry = SqsTestProcessors
			.registry(SqsTestProcessors.processor("handleOrders", queue(Duration.ofMinutes(3), null, 5)));
		this.fixture.deployer().deploy(registry, options());
		String arn = arn(this.queueName);
		DeployTestFixture other = new DeployTestFixture("audit");
		other.beforeEach(null);
		try {
			other.deployer()
				.deploy(SqsTestProcessors.registry(
						SqsTestProcessors.processor("auditOrders", SqsTestProcessors.existing(arn))),
						DeployOptions.builder(other.app()).artifact(TestArtifacts.zip(this.directory, "audit")).build());
		}
		finally {
			other.afterEach(null);
		}
		this.fixture.recorder().clear();

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer()
				.destroy(registry, options().toBuilder().destroyQueues(true).build()))
			.withMessageStartingWith("tributary.deploy.destroy-queues=true refuses to delete SQS queue '"
					+ this.queueName + "': other stages or apps read it: mapping ")
			.withMessageContaining("(app '" + other.app() + "' stage 'dev')")
			.withMessageEndingWith("Nothing was destroyed. Destroy them first, or run destroy with "
					+ "tributary.deploy.destroy-queues=false to keep the queue");
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void aStreamProcessorThatSendsToQueuesGetsTheDeclaredOneCreatedAndSendMessageOnExactlyTheirArns()
			throws Exception {
		String existingName = MotoServerExtension.uniqueName("audit");
		this.fixture.clients().sqs().createQueue((request) -> request.queueName(existingName));
		SqsQueueDescriptor existing = new SqsQueueDescriptor(arn(existingName), existingName, arn(existingName), false,
				SqsQueueDescriptor.DEFAULT_VISIBILITY_TIMEOUT, null, SqsQueueDescriptor.DEFAULT_MAX_RECEIVE_COUNT);
		TestRegistry registry = TestRegistry.of("forwardItems", MotoServerExtension.uniqueName("items"),
				ProcessorOptions.builder().sendsTo(List.of(queue(Duration.ofSeconds(30), null, 5), existing)).build());

		Plan plan = this.fixture.deployer().deploy(registry, options());

		assertThat(plan.changes()).extracting((change) -> change.type() + " " + change.action() + " " + change.name())
			.contains("queue CREATE " + this.queueName, "queue UNCHANGED " + existingName);
		assertThat(attributes(this.queueName)).containsEntry("VisibilityTimeout", "30");
		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		JsonNode policy = json(this.fixture.clients()
			.iam()
			.getRolePolicy((request) -> request.roleName(names.role("forwardItems", "us-east-1"))
				.policyName(ResourceNames.POLICY_NAME))
			.policyDocument());
		List<String> resources = new ArrayList<>();
		statement(policy, "SendToQueues").get("Resource").forEach((resource) -> resources.add(resource.asString()));
		assertThat(resources).containsExactlyInAnyOrder(arn(this.queueName), arn(existingName));
		assertThat(statement(policy, "SendToQueues").get("Action").toString())
			.isEqualTo("[\"sqs:GetQueueUrl\",\"sqs:SendMessage\"]");

		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry, options()).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void anSqsProcessorRemovedFromTheCodeIsDeletedBesideAStreamProcessorAndItsQueueIsKept() throws Exception {
		TestRegistry items = TestRegistry.of("logItems", MotoServerExtension.uniqueName("items"),
				ProcessorOptions.defaults());
		this.fixture.deployer()
			.deploy(new DefaultStreamProcessorRegistry(Stream.concat(items.getProcessors().stream(),
					Stream.of(SqsTestProcessors.processor("handleOrders", queue(Duration.ofMinutes(3), null, 5))))
				.toList()), options());

		Plan plan = this.fixture.deployer().deploy(items, options());

		assertThat(plan.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.type() + " " + change.action() + " " + change.findConsequence().orElse(""))
			.containsExactly("mapping DELETE processor 'handleOrders' is no longer in the code; the function stops "
					+ "receiving messages; the queue keeps them for its retention period",
					"function DELETE processor 'handleOrders' is no longer in the code",
					"role DELETE processor 'handleOrders' is no longer in the code",
					"log-group DELETE processor 'handleOrders' is no longer in the code");
		assertThat(attributes(this.queueName)).containsEntry("VisibilityTimeout", "180");
	}

	@Test
	void aDeadLetterQueueAnotherQueueMovesMessagesToIsKeptByDestroyWhileItsOwnQueueIsDeleted() throws Exception {
		StreamProcessorRegistry registry = SqsTestProcessors.registry(
				SqsTestProcessors.processor("handleOrders", queue(Duration.ofMinutes(3), this.deadLetterName, 3)));
		this.fixture.deployer().deploy(registry, options());
		String other = MotoServerExtension.uniqueName("audit");
		this.fixture.clients()
			.sqs()
			.createQueue((request) -> request.queueName(other)
				.attributesWithStrings(Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arn(this.deadLetterName)
						+ "\",\"maxReceiveCount\":\"4\"}")));

		Plan destroyed = this.fixture.deployer().destroy(registry, options().toBuilder().destroyQueues(true).build());

		assertThat(destroyed.changes()).filteredOn((change) -> change.type().endsWith("queue"))
			.extracting((change) -> change.type() + " " + change.action() + " " + change.findConsequence().orElse(""))
			.containsExactly("queue DELETE the queue and the messages in it are deleted",
					"dead-letter-queue UNCHANGED kept: other queues move failed messages to it: [" + other
							+ "]; destroy it after them, or point their redrive policy elsewhere");
		assertThatExceptionOfType(QueueDoesNotExistException.class).isThrownBy(() -> attributes(this.queueName));
		assertThat(tags(this.deadLetterName)).containsEntry("tributary:app", this.fixture.app());
	}

	@Test
	void aDeployInterruptedAfterTheDeadLetterQueueWasCreatedConvergesWhenRunAgain() throws Exception {
		StreamProcessorRegistry registry = SqsTestProcessors.registry(
				SqsTestProcessors.processor("handleOrders", queue(Duration.ofMinutes(3), this.deadLetterName, 3)));
		this.fixture.recorder().failOnMutatingCall(2);

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().deploy(registry, options()))
			.withMessageContaining("stopped at queue '" + this.queueName + "'");
		this.fixture.recorder().clear();
		Plan resumed = this.fixture.deployer().deploy(registry, options());

		assertThat(resumed.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("dead-letter-queue UNCHANGED", "queue CREATE", "role CREATE", "log-group CREATE",
					"function CREATE", "mapping CREATE");
		assertThat(json.readTree(attributes(this.queueName).get("RedrivePolicy")).get("deadLetterTargetArn").asString())
			.isEqualTo(arn(this.deadLetterName));
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry, options()).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void anExistingQueueArnOfAnotherRegionStopsThePlanNamingBothRegions() throws Exception {
		String arn = "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":" + this.queueName;
		StreamProcessorRegistry registry = SqsTestProcessors
			.registry(SqsTestProcessors.processor("handleOrders", SqsTestProcessors.existing(arn)));

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().plan(registry, options()))
			.withMessageContaining("is in region eu-west-1 but deploy deploys to us-east-1: an event source mapping "
					+ "reads a queue of its own region only");
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void aProcessorMovedToAnotherQueueHasItsMappingReplacedAndTheOldQueueKept() throws Exception {
		this.fixture.deployer()
			.deploy(SqsTestProcessors
				.registry(SqsTestProcessors.processor("handleOrders", queue(Duration.ofMinutes(3), null, 5))), options());
		String renamed = this.queueName + "-v2";
		SqsQueueDescriptor moved = SqsTestProcessors.owned("orders", renamed, Duration.ofMinutes(3), null, 5);

		Plan plan = this.fixture.deployer()
			.deploy(SqsTestProcessors.registry(SqsTestProcessors.processor("handleOrders", moved)), options());

		assertThat(plan.changes()).filteredOn((change) -> change.type().equals("mapping")).singleElement()
			.satisfies((change) -> {
				assertThat(change.action()).isEqualTo(Action.REPLACE);
				assertThat(change.changes()).first()
					.hasToString("EventSourceArn: " + arn(this.queueName) + " -> " + arn(renamed));
				assertThat(change.findConsequence())
					.hasValue("the mapping moves to the new queue; messages left in the old queue are not processed");
			});
		assertThat(mappings(new ResourceNames(this.fixture.app(), "dev").function("handleOrders"))).singleElement()
			.satisfies((mapping) -> assertThat(mapping.eventSourceArn()).isEqualTo(arn(renamed)));
		assertThat(attributes(this.queueName)).containsEntry("VisibilityTimeout", "180");
	}

	private SqsQueueDescriptor queue(Duration visibilityTimeout, @Nullable String deadLetterQueue,
			int maxReceiveCount) {
		return SqsTestProcessors.owned("orders", this.queueName, visibilityTimeout, deadLetterQueue, maxReceiveCount);
	}

	private DeployOptions options() throws Exception {
		return DeployOptions.builder(this.fixture.app()).artifact(TestArtifacts.zip(this.directory, "v1")).build();
	}

	private String url(String name) {
		return this.fixture.clients().sqs().getQueueUrl((request) -> request.queueName(name)).queueUrl();
	}

	private Map<String, String> attributes(String name) {
		String url = url(name);
		return this.fixture.clients()
			.sqs()
			.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.ALL))
			.attributesAsStrings();
	}

	private String arn(String name) {
		return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name;
	}

	private Map<String, String> tags(String name) {
		String url = url(name);
		return this.fixture.clients().sqs().listQueueTags((request) -> request.queueUrl(url)).tags();
	}

	private List<EventSourceMappingConfiguration> mappings(String function) {
		return this.fixture.clients()
			.lambda()
			.listEventSourceMappings((request) -> request.functionName(function))
			.eventSourceMappings();
	}

	private static String fields(ResourceChange change) {
		return String.join("; ", change.changes().stream().map(Object::toString).toList());
	}

	private static JsonNode json(String text) {
		String decoded = text.startsWith("%") ? URLDecoder.decode(text, StandardCharsets.UTF_8) : text;
		return json.readTree(decoded);
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
