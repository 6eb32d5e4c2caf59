package dev.tributary.deploy.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.tributary.ProcessorOptions;
import dev.tributary.S3BucketDescriptor;
import dev.tributary.S3Delivery;
import dev.tributary.S3EventBinding;
import dev.tributary.S3EventRecord;
import dev.tributary.S3ProcessorDefinition;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueOptions;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deploy of an S3 event processor against moto_server: the bucket, the notification queue and
 * its dead-letter queue, the queue policy that lets exactly this bucket send, the bucket's
 * notification entry (every other entry kept, through deploy and destroy), the role reading the
 * queue, the function and its mapping; a second run changes nothing; destroy removes only this
 * app's entry and statement and keeps the bucket. Delivered directly: the function's permission
 * for the bucket, two retries and the on-failure queue, the function's notification entry, no
 * mapping.
 */
@ExtendWith(MotoServerExtension.class)
class S3EventDeployIntegrationTests {

	private static final String ACCOUNT = "123456789012";

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("files");

	private final String bucket = MotoServerExtension.uniqueName("files").toLowerCase();

	@TempDir
	Path directory;

	@Test
	void deployProvisionsQueuePolicyNotificationAndFunctionKeepingOtherNotificationsAndDestroyKeepsTheBucket()
			throws Exception {
		String otherQueue = MotoServerExtension.uniqueName("someone-else");
		this.fixture.clients().sqs().createQueue((request) -> request.queueName(otherQueue));
		this.fixture.clients().s3().createBucket((request) -> request.bucket(this.bucket));
		this.fixture.clients().s3().putBucketNotificationConfiguration((request) -> request.bucket(this.bucket)
			.notificationConfiguration(NotificationConfiguration.builder()
				.queueConfigurations(QueueConfiguration.builder()
					.id("someone-else")
					.queueArn(arn(otherQueue))
					.eventsWithStrings("s3:ObjectRemoved:*")
					.build())
				.build()));
		StreamProcessorRegistry registry = registry();
		SqsQueueDescriptor queue = NotificationQueues.staged(
				((S3ProcessorDefinition) registry.getProcessors().get(0)).binding(),
				new ResourceNames(this.fixture.app(), "dev"));
		String entryId = new ResourceNames(this.fixture.app(), "dev").function("logObjects");

		Plan first = this.fixture.deployer().deploy(registry, options());

		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("bucket UNCHANGED", "dead-letter-queue CREATE", "queue CREATE", "queue-policy CREATE",
					"notification CREATE", "role CREATE", "log-group CREATE", "function CREATE", "mapping CREATE");
		assertThat(first.changes().get(0).findConsequence())
			.hasValueSatisfying((consequence) -> assertThat(consequence).contains("not created by Tributary"));
		List<QueueConfiguration> entries = this.fixture.clients()
			.s3()
			.getBucketNotificationConfiguration((request) -> request.bucket(this.bucket))
			.queueConfigurations();
		assertThat(entries).extracting(QueueConfiguration::id)
			.containsExactlyInAnyOrder("someone-else", entryId);
		QueueConfiguration ours = entries.stream()
			.filter((entry) -> entry.id().equals(entryId))
			.findFirst()
			.orElseThrow();
		assertThat(ours.queueArn()).isEqualTo(arn(queue.name()));
		assertThat(ours.eventsAsStrings()).containsExactly("s3:ObjectCreated:*");
		JsonNode policy = json.readTree(this.fixture.clients()
			.sqs()
			.getQueueAttributes((request) -> request.queueUrl(url(queue.name()))
				.attributeNames(QueueAttributeName.POLICY))
			.attributesAsStrings()
			.get("Policy"));
		JsonNode statement = policy.get("Statement").get(0);
		assertThat(statement.get("Principal").get("Service").asString()).isEqualTo("s3.amazonaws.com");
		assertThat(statement.get("Action").asString()).isEqualTo("sqs:SendMessage");
		assertThat(statement.get("Resource").asString()).isEqualTo(arn(queue.name()));
		assertThat(statement.get("Condition").get("ArnEquals").get("aws:SourceArn").asString())
			.isEqualTo("arn:aws:s3:::" + this.bucket);
		assertThat(statement.get("Condition").get("StringEquals").get("aws:SourceAccount").asString())
			.isEqualTo(ACCOUNT);
		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		EventSourceMappingConfiguration mapping = this.fixture.clients()
			.lambda()
			.listEventSourceMappings((request) -> request.functionName(names.function("logObjects")))
			.eventSourceMappings()
			.get(0);
		assertThat(mapping.eventSourceArn()).isEqualTo(arn(queue.name()));
		assertThat(mapping.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
		JsonNode rolePolicy = json.readTree(URLDecoder.decode(this.fixture.clients()
			.iam()
			.getRolePolicy((request) -> request.roleName(names.role("logObjects", "us-east-1"))
				.policyName(ResourceNames.POLICY_NAME))
			.policyDocument(), StandardCharsets.UTF_8));
		assertThat(rolePolicy.get("Statement").get(0).get("Resource").asString()).isEqualTo(arn(queue.name()));
		assertThat(rolePolicy.toString()).doesNotContain("s3:");

		this.fixture.recorder().clear();
		Plan second = this.fixture.deployer().deploy(registry, options());
		assertThat(second.isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();

		Plan destroyed = this.fixture.deployer().destroy(registry, options());
		assertThat(destroyed.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.type() + " " + change.action())
			.containsExactly("mapping DELETE", "function DELETE", "role DELETE", "log-group DELETE",
					"notification DELETE", "queue-policy DELETE");
		assertThat(this.fixture.clients()
			.s3()
			.getBucketNotificationConfiguration((request) -> request.bucket(this.bucket))
			.queueConfigurations()).extracting(QueueConfiguration::id).containsExactly("someone-else");
		assertThat(S3Buckets.exists(this.fixture.clients().s3(), this.bucket)).isTrue();
	}

	@Test
	void aDeclaredBucketThatIsAbsentIsCreatedPrivateAndTagged() throws Exception {
		Plan plan = this.fixture.deployer().deploy(registry(), options());
		assertThat(plan.changes().get(0).type() + " " + plan.changes().get(0).action()).isEqualTo("bucket CREATE");
		Map<String, String> tags = S3Buckets.tags(this.fixture.clients().s3(), this.bucket);
		assertThat(tags).containsEntry("tributary:app", this.fixture.app()).containsEntry("tributary:stage", "dev");
		assertThat(this.fixture.clients()
			.s3()
			.getPublicAccessBlock((request) -> request.bucket(this.bucket))
			.publicAccessBlockConfiguration()
			.blockPublicPolicy()).isTrue();
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry(), options()).isEmpty()).isTrue();
	}

	@Test
	void aProcessorThatReadsObjectsMayGetExactlyTheKeysUnderItsPrefix() throws Exception {
		S3BucketDescriptor bucket = new S3BucketDescriptor("Files", this.bucket, null);
		S3EventBinding binding = new S3EventBinding(bucket, List.of("s3:ObjectCreated:*"), "incoming/", "",
				S3Delivery.SQS, S3EventBinding.notificationQueue(bucket, "importFiles", 5), SqsQueueOptions.defaults(),
				true);
		Function<Flux<S3EventRecord>, Mono<Void>> function = (records) -> records.then();
		this.fixture.deployer()
			.deploy(new DefaultStreamProcessorRegistry(List.of(new S3ProcessorDefinition("importFiles", binding,
					ProcessorOptions.builder().batchSize(10).build(), function))), options());
		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		JsonNode rolePolicy = json.readTree(URLDecoder.decode(this.fixture.clients()
			.iam()
			.getRolePolicy((request) -> request.roleName(names.role("importFiles", "us-east-1"))
				.policyName(ResourceNames.POLICY_NAME))
			.policyDocument(), StandardCharsets.UTF_8));
		JsonNode read = null;
		for (JsonNode statement : rolePolicy.get("Statement")) {
			if ("ReadObjects".equals(statement.get("Sid").asString())) {
				read = statement;
			}
		}
		assertThat(read).isNotNull();
		assertThat(read.get("Resource").asString()).isEqualTo("arn:aws:s3:::" + this.bucket + "/incoming/*");
		assertThat(read.get("Action").toString()).isEqualTo("[\"s3:GetObject\",\"s3:GetObjectVersion\"]");
	}

	@Test
	void aProcessorS3InvokesDirectlyGetsItsPermissionRetriesAndOnFailureQueueAndNoMapping() throws Exception {
		S3BucketDescriptor bucket = new S3BucketDescriptor("Files", this.bucket, null);
		S3EventBinding binding = new S3EventBinding(bucket, List.of("s3:ObjectCreated:*"), "", "", S3Delivery.DIRECT,
				null, SqsQueueOptions.defaults());
		Function<Flux<S3EventRecord>, Mono<Void>> function = (records) -> records.then();
		StreamProcessorRegistry registry = new DefaultStreamProcessorRegistry(List.of(new S3ProcessorDefinition(
				"uploads", binding, ProcessorOptions.builder().batchSize(10).build(), function)));
		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		String functionName = names.function("uploads");
		String failureQueue = names.queue("uploads-failed");

		Plan first = this.fixture.deployer().deploy(registry, options());

		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("bucket CREATE", "queue CREATE", "role CREATE", "log-group CREATE",
					"function CREATE", "s3-permission CREATE", "async-invoke CREATE", "notification CREATE");
		JsonNode permission = json.readTree(this.fixture.clients()
			.lambda()
			.getPolicy((request) -> request.functionName(functionName))
			.policy()).get("Statement").get(0);
		assertThat(permission.get("Principal").toString()).contains("s3.amazonaws.com");
		assertThat(permission.get("Condition").toString()).contains("arn:aws:s3:::" + this.bucket, ACCOUNT);
		GetFunctionEventInvokeConfigResponse invoke = this.fixture.clients()
			.lambda()
			.getFunctionEventInvokeConfig((request) -> request.functionName(functionName));
		assertThat(invoke.maximumRetryAttempts()).isEqualTo(2);
		assertThat(invoke.destinationConfig().onFailure().destination()).isEqualTo(arn(failureQueue));
		assertThat(this.fixture.clients()
			.lambda()
			.listEventSourceMappings((request) -> request.functionName(functionName))
			.eventSourceMappings()).isEmpty();
		List<LambdaFunctionConfiguration> entries = this.fixture.clients()
			.s3()
			.getBucketNotificationConfiguration((request) -> request.bucket(this.bucket))
			.lambdaFunctionConfigurations();
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.id()).isEqualTo(functionName);
			assertThat(entry.lambdaFunctionArn()).endsWith(":function:" + functionName);
		});
		JsonNode rolePolicy = json.readTree(URLDecoder.decode(this.fixture.clients()
			.iam()
			.getRolePolicy((request) -> request.roleName(names.role("uploads", "us-east-1"))
				.policyName(ResourceNames.POLICY_NAME))
			.policyDocument(), StandardCharsets.UTF_8));
		assertThat(rolePolicy.toString()).contains("SendFailedRecords", arn(failureQueue)).doesNotContain("ReadQueue");

		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry, options()).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();

		Plan destroyed = this.fixture.deployer().destroy(registry, options());
		assertThat(destroyed.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.type() + " " + change.action())
			.contains("notification DELETE", "function DELETE", "role DELETE");
		assertThat(this.fixture.clients()
			.s3()
			.getBucketNotificationConfiguration((request) -> request.bucket(this.bucket))
			.lambdaFunctionConfigurations()).isEmpty();
	}

	@Test
	void twoStagesOnOneBucketKeepEachOthersEntryThroughDeployAndDestroy() throws Exception {
		String bucketArn = "arn:aws:s3:::" + this.bucket;
		this.fixture.clients().s3().createBucket((request) -> request.bucket(this.bucket));
		S3BucketDescriptor shared = new S3BucketDescriptor(bucketArn, this.bucket, bucketArn);
		Function<Flux<S3EventRecord>, Mono<Void>> function = (records) -> records.then();
		StreamProcessorRegistry registry = new DefaultStreamProcessorRegistry(List.of(new S3ProcessorDefinition(
				"logObjects", new S3EventBinding(shared, List.of("s3:ObjectCreated:*"), "", "", S3Delivery.SQS,
						S3EventBinding.notificationQueue(shared, "logObjects", 5), SqsQueueOptions.defaults()),
				ProcessorOptions.builder().batchSize(10).build(), function)));
		DeployOptions dev = options();
		DeployOptions prod = options().toBuilder().stage("prod").build();

		this.fixture.deployer().deploy(registry, dev);
		this.fixture.deployer().deploy(registry, prod);

		String devEntry = new ResourceNames(this.fixture.app(), "dev").function("logObjects");
		String prodEntry = new ResourceNames(this.fixture.app(), "prod").function("logObjects");
		assertThat(entryIds()).containsExactlyInAnyOrder(devEntry, prodEntry);
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry, dev).isEmpty()).isTrue();

		this.fixture.deployer().destroy(registry, prod);
		assertThat(entryIds()).containsExactly(devEntry);
		this.fixture.deployer().destroy(registry, dev);
		assertThat(entryIds()).isEmpty();
	}

	private List<String> entryIds() {
		return this.fixture.clients()
			.s3()
			.getBucketNotificationConfiguration((request) -> request.bucket(this.bucket))
			.queueConfigurations()
			.stream()
			.map(QueueConfiguration::id)
			.toList();
	}

	private StreamProcessorRegistry registry() {
		S3BucketDescriptor bucket = new S3BucketDescriptor("Files", this.bucket, null);
		S3EventBinding binding = new S3EventBinding(bucket, List.of("s3:ObjectCreated:*"), "", ".txt", S3Delivery.SQS,
				S3EventBinding.notificationQueue(bucket, "logObjects", 5), SqsQueueOptions.defaults());
		Function<Flux<S3EventRecord>, Mono<Void>> function = (records) -> records.then();
		return new DefaultStreamProcessorRegistry(List.of(new S3ProcessorDefinition("logObjects", binding,
				ProcessorOptions.builder().batchSize(10).build(), function)));
	}

	private DeployOptions options() throws Exception {
		return DeployOptions.builder(this.fixture.app()).artifact(TestArtifacts.zip(this.directory, "v1")).build();
	}

	private String url(String name) {
		return this.fixture.clients().sqs().getQueueUrl((request) -> request.queueName(name)).queueUrl();
	}

	private static String arn(String name) {
		return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name;
	}

}
