package dev.tributary.deploy.lambda;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.ProcessorOptions;
import dev.tributary.aws.AwsConnection;
import dev.tributary.deploy.Artifact;
import dev.tributary.deploy.DeployClients;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.Deployer;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Action;
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
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart against {@code moto_server}: a published version, the {@value AliasStep#ALIAS} alias
 * on it, and the mapping on the alias. moto never reports SnapStart on a function, so the
 * function shows a SnapStart update on every run there; that is moto's, not deploy's.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class SnapStartDeployIntegrationTests {

	private static final String ACCOUNT = "123456789012";

	private final CallRecorder recorder = new CallRecorder();

	private final List<String> output = new ArrayList<>();

	private DeployClients clients;

	private Deployer deployer;

	private String app;

	private String table;

	private String function;

	private String aliasArn;

	@TempDir
	Path directory;

	@BeforeEach
	void connect() {
		MotoServerExtension.server().configure("{\"lambda\":{\"use_docker\":false}}");
		AwsConnection connection = new AwsConnection(MotoServerExtension.endpoint(), AwsTestClients.REGION,
				StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), "moto");
		this.clients = DeployClients.create(connection, List.of(this.recorder));
		this.deployer = new Deployer(this.clients, Retrier.standard(), this.output::add);
		this.app = MotoServerExtension.uniqueName("snap");
		this.table = MotoServerExtension.uniqueName("items");
		this.function = new ResourceNames(this.app, "dev").function("orders");
		this.aliasArn = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + this.function + ":live";
	}

	@AfterEach
	void close() {
		this.clients.close();
	}

	@Test
	void publishesAVersionPointsTheAliasAtItAndMapsTheStreamToTheAlias() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		DeployOptions options = options("v1").snapStart(true).build();

		Plan first = this.deployer.deploy(registry, options);

		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("table CREATE", "role CREATE", "log-group CREATE", "function CREATE", "alias CREATE",
					"mapping CREATE");
		assertThat(this.recorder.mutatingCalls()).containsSubsequence("CreateFunction", "PublishVersion", "CreateAlias",
				"CreateEventSourceMapping");
		String version = this.clients.lambda()
			.getAlias((request) -> request.functionName(this.function).name("live"))
			.functionVersion();
		assertThat(version).isNotEqualTo("$LATEST");
		assertThat(this.clients.lambda()
			.getFunctionConfiguration((request) -> request.functionName(this.function).qualifier(version))
			.codeSha256()).isEqualTo(sha("v1"));
		assertThat(mappingsOn(this.aliasArn)).hasSize(1);
		assertThat(mappingsOn(this.function)).isEmpty();

		this.recorder.clear();
		Plan second = this.deployer.deploy(registry, options);

		assertThat(second.changes()).filteredOn((change) -> change.type().equals("alias") || change.type().equals("mapping"))
			.extracting((change) -> change.action())
			.containsOnly(Action.UNCHANGED);
		// Only moto's missing SnapStart setting; nothing published, no alias or mapping call.
		assertThat(this.recorder.mutatingCalls()).containsExactly("UpdateFunctionConfiguration");

		this.deployer.destroy(registry, options);
		assertThat(mappingsOn(this.aliasArn)).isEmpty();
	}

	@Test
	void codeChangePublishesANewVersionAndMovesTheAliasWithoutTouchingTheMapping() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		this.deployer.deploy(registry, options("v1").snapStart(true).build());
		String before = this.clients.lambda()
			.getAlias((request) -> request.functionName(this.function).name("live"))
			.functionVersion();
		this.recorder.clear();

		Plan plan = this.deployer.deploy(registry, options("v2").snapStart(true).build());

		assertThat(plan.changes()).filteredOn((change) -> change.type().equals("alias"))
			.singleElement()
			.satisfies((change) -> {
				assertThat(change.action()).isEqualTo(Action.UPDATE);
				assertThat(change.changes()).extracting((field) -> field.field())
					.containsExactly("FunctionVersion", "CodeSha256");
			});
		assertThat(this.recorder.mutatingCalls()).contains("UpdateFunctionCode", "PublishVersion", "UpdateAlias")
			.doesNotContain("CreateAlias", "CreateEventSourceMapping", "UpdateEventSourceMapping");
		String after = this.clients.lambda()
			.getAlias((request) -> request.functionName(this.function).name("live"))
			.functionVersion();
		assertThat(after).isNotEqualTo(before);
		assertThat(this.clients.lambda()
			.getFunctionConfiguration((request) -> request.functionName(this.function).qualifier(after))
			.codeSha256()).isEqualTo(sha("v2"));
	}

	@Test
	void settingsChangePublishesANewVersionWithThem() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		this.deployer.deploy(registry, options("v1").snapStart(true).build());
		this.recorder.clear();

		Plan plan = this.deployer.deploy(registry, options("v1").snapStart(true).memoryMb(2048).build());

		assertThat(plan.changes()).filteredOn((change) -> change.type().equals("alias"))
			.singleElement()
			.satisfies((change) -> assertThat(change.changes()).extracting(Object::toString)
				.contains("MemorySize: 1024 -> 2048"));
		assertThat(this.recorder.mutatingCalls()).containsSubsequence("UpdateFunctionConfiguration", "PublishVersion",
				"UpdateAlias")
			.doesNotContain("UpdateFunctionCode");
		String version = this.clients.lambda()
			.getAlias((request) -> request.functionName(this.function).name("live"))
			.functionVersion();
		assertThat(this.clients.lambda()
			.getFunctionConfiguration((request) -> request.functionName(this.function).qualifier(version))
			.memorySize()).isEqualTo(2048);
	}

	@Test
	void turningSnapStartOnMovesTheExistingMappingToTheAliasKeepingIt() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		this.deployer.deploy(registry, options("v1").build());
		String uuid = mappingsOn(this.function).get(0).uuid();
		this.recorder.clear();

		Plan plan = this.deployer.deploy(registry, options("v1").snapStart(true).build());

		assertThat(plan.changes()).filteredOn((change) -> change.type().equals("mapping"))
			.singleElement()
			.satisfies((change) -> assertThat(change.changes()).singleElement()
				.hasToString("FunctionName: " + this.function + " -> " + this.aliasArn));
		assertThat(this.recorder.mutatingCalls()).containsSubsequence("PublishVersion", "CreateAlias",
				"UpdateEventSourceMapping")
			.doesNotContain("CreateEventSourceMapping", "DeleteEventSourceMapping");
		String version = this.clients.lambda()
			.getAlias((request) -> request.functionName(this.function).name("live"))
			.functionVersion();
		// moto reports the version the alias resolved to where AWS reports the alias ARN.
		assertThat(this.clients.lambda().getEventSourceMapping((request) -> request.uuid(uuid)).functionArn())
			.isIn(this.aliasArn, "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + this.function + ":" + version);
	}

	private List<EventSourceMappingConfiguration> mappingsOn(String functionName) {
		return this.clients.lambda()
			.listEventSourceMappings((request) -> request.functionName(functionName))
			.eventSourceMappings();
	}

	private String sha(String version) throws Exception {
		return Artifact.of(this.directory.resolve("function-" + version + ".zip")).sha256Base64();
	}

	private DeployOptions.Builder options(String version) throws Exception {
		return DeployOptions.builder(this.app).artifact(TestArtifacts.zip(this.directory, version));
	}

}
