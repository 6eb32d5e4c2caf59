package dev.tributary.deploy.lambda;

import java.nio.file.Path;
import java.util.List;

import dev.tributary.ProcessorOptions;
import dev.tributary.deploy.Artifact;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("snap");

	private final String table = MotoServerExtension.uniqueName("items");

	private final String function = new ResourceNames(this.fixture.app(), "dev").function("orders");

	private final String aliasArn = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + this.function + ":live";

	@TempDir
	Path directory;

	@Test
	void publishesAVersionPointsTheAliasAtItAndMapsTheStreamToTheAlias() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		DeployOptions options = options("v1").snapStart(true).build();

		Plan first = this.fixture.deployer().deploy(registry, options);

		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("table CREATE", "role CREATE", "log-group CREATE", "function CREATE", "alias CREATE",
					"mapping CREATE");
		assertThat(this.fixture.recorder().mutatingCalls()).containsSubsequence("CreateFunction", "PublishVersion",
				"CreateAlias", "CreateEventSourceMapping");
		String version = this.fixture.clients().lambda()
			.getAlias((request) -> request.functionName(this.function).name("live"))
			.functionVersion();
		assertThat(version).isNotEqualTo("$LATEST");
		assertThat(this.fixture.clients().lambda()
			.getFunctionConfiguration((request) -> request.functionName(this.function).qualifier(version))
			.codeSha256()).isEqualTo(sha("v1"));
		assertThat(mappingsOn(this.aliasArn)).hasSize(1);
		assertThat(mappingsOn(this.function)).isEmpty();

		this.fixture.recorder().clear();
		Plan second = this.fixture.deployer().deploy(registry, options);

		assertThat(second.changes()).filteredOn((change) -> change.type().equals("alias") || change.type().equals("mapping"))
			.extracting((change) -> change.action())
			.containsOnly(Action.UNCHANGED);
		// Only moto's missing SnapStart setting; nothing published, no alias or mapping call.
		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("UpdateFunctionConfiguration");

		this.fixture.deployer().destroy(registry, options);
		assertThat(mappingsOn(this.aliasArn)).isEmpty();
	}

	@Test
	void codeChangePublishesANewVersionAndMovesTheAliasWithoutTouchingTheMapping() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		this.fixture.deployer().deploy(registry, options("v1").snapStart(true).build());
		String before = this.fixture.clients().lambda()
			.getAlias((request) -> request.functionName(this.function).name("live"))
			.functionVersion();
		this.fixture.recorder().clear();

		Plan plan = this.fixture.deployer().deploy(registry, options("v2").snapStart(true).build());

		assertThat(plan.changes()).filteredOn((change) -> change.type().equals("alias"))
			.singleElement()
			.satisfies((change) -> {
				assertThat(change.action()).isEqualTo(Action.UPDATE);
				assertThat(change.changes()).extracting((field) -> field.field())
					.containsExactly("FunctionVersion", "CodeSha256");
			});
		assertThat(this.fixture.recorder().mutatingCalls())
			.contains("UpdateFunctionCode", "PublishVersion", "UpdateAlias")
			.doesNotContain("CreateAlias", "CreateEventSourceMapping", "UpdateEventSourceMapping");
		String after = this.fixture.clients().lambda()
			.getAlias((request) -> request.functionName(this.function).name("live"))
			.functionVersion();
		assertThat(after).isNotEqualTo(before);
		assertThat(this.fixture.clients().lambda()
			.getFunctionConfiguration((request) -> request.functionName(this.function).qualifier(after))
			.codeSha256()).isEqualTo(sha("v2"));
	}

	@Test
	void settingsChangePublishesANewVersionWithThem() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		this.fixture.deployer().deploy(registry, options("v1").snapStart(true).build());
		this.fixture.recorder().clear();

		Plan plan = this.fixture.deployer().deploy(registry, options("v1").snapStart(true).memoryMb(2048).build());

		assertThat(plan.changes()).filteredOn((change) -> change.type().equals("alias"))
			.singleElement()
			.satisfies((change) -> assertThat(change.changes()).extracting(Object::toString)
				.contains("MemorySize: 1024 -> 2048"));
		assertThat(this.fixture.recorder().mutatingCalls())
			.containsSubsequence("UpdateFunctionConfiguration", "PublishVersion", "UpdateAlias")
			.doesNotContain("UpdateFunctionCode");
		String version = this.fixture.clients().lambda()
			.getAlias((request) -> request.functionName(this.function).name("live"))
			.functionVersion();
		assertThat(this.fixture.clients().lambda()
			.getFunctionConfiguration((request) -> request.functionName(this.function).qualifier(version))
			.memorySize()).isEqualTo(2048);
	}

	@Test
	void turningSnapStartOnMovesTheExistingMappingToTheAliasKeepingIt() throws Exception {
		TestRegistry registry = TestRegistry.of("orders", this.table, ProcessorOptions.defaults());
		this.fixture.deployer().deploy(registry, options("v1").build());
		String uuid = mappingsOn(this.function).get(0).uuid();
		this.fixture.recorder().clear();

		Plan plan = this.fixture.deployer().deploy(registry, options("v1").snapStart(true).build());

		assertThat(plan.changes()).filteredOn((change) -> change.type().equals("mapping"))
			.singleElement()
			.satisfies((change) -> assertThat(change.changes()).singleElement()
				.hasToString("FunctionName: " + this.function + " -> " + this.aliasArn));
		assertThat(this.fixture.recorder().mutatingCalls()).containsSubsequence("PublishVersion", "CreateAlias",
				"UpdateEventSourceMapping")
			.doesNotContain("CreateEventSourceMapping", "DeleteEventSourceMapping");
		String version = this.fixture.clients().lambda()
			.getAlias((request) -> request.functionName(this.function).name("live"))
			.functionVersion();
		// moto reports the version the alias resolved to where AWS reports the alias ARN.
		assertThat(this.fixture.clients().lambda().getEventSourceMapping((request) -> request.uuid(uuid)).functionArn())
			.isIn(this.aliasArn, "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + this.function + ":" + version);
	}

	private List<EventSourceMappingConfiguration> mappingsOn(String functionName) {
		return this.fixture.clients().lambda()
			.listEventSourceMappings((request) -> request.functionName(functionName))
			.eventSourceMappings();
	}

	private String sha(String version) throws Exception {
		return Artifact.of(this.directory.resolve("function-" + version + ".zip")).sha256Base64();
	}

	private DeployOptions.Builder options(String version) throws Exception {
		return DeployOptions.builder(this.fixture.app()).artifact(TestArtifacts.zip(this.directory, version));
	}

}
