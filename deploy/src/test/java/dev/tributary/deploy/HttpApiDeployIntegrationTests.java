package dev.tributary.deploy;

import java.nio.file.Path;
import java.util.List;

import dev.tributary.HttpApiDefinition;
import dev.tributary.HttpApiDefinition.AccessGrant;
import dev.tributary.HttpApiDefinition.AuthType;
import dev.tributary.HttpApiDefinition.ResourceKind;
import dev.tributary.ProcessorOptions;
import dev.tributary.deploy.iam.ApiPolicyDocument;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.lambda.LambdaHandlers;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Deploying the application's HTTP API against {@code moto_server} through the real SDK: the
 * API function, its role with exactly the declared actions, its log group, URL and public
 * permissions; a re-run that changes nothing; a switch of auth type; destroy.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class HttpApiDeployIntegrationTests {

	private static final String ACCOUNT = "123456789012";

	private static final JsonMapper json = JsonMapper.builder().build();

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("web");

	private final String table = MotoServerExtension.uniqueName("items");

	@TempDir
	Path directory;

	@Test
	void deploysAPublicApiWithExactlyTheDeclaredActionsPrintsItsUrlAndAReRunChangesNothing() throws Exception {
		TestRegistry registry = TestRegistry.of("logItems", this.table, ProcessorOptions.defaults());
		DeployOptions options = options(api(AuthType.NONE));

		Plan first = this.fixture.deployer().deploy(registry, options);

		assertThat(first.changes()).extracting((change) -> change.type() + " " + change.action())
			.containsExactly("table CREATE", "role CREATE", "log-group CREATE", "function CREATE", "mapping CREATE",
					"role CREATE", "log-group CREATE", "function CREATE", "function-url CREATE",
					"url-permission CREATE");
		String output = String.join("\n", this.fixture.output());
		assertThat(output).contains("! function-url " + this.fixture.app() + "-dev-api: the URL is public: anyone on "
				+ "the internet can call the API without credentials (tributary.api.url.auth-type=NONE)");
		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		String function = names.function("api");
		assertThat(function).isEqualTo(this.fixture.app() + "-dev-api");
		GetFunctionUrlConfigResponse url = this.fixture.clients().lambda()
			.getFunctionUrlConfig((request) -> request.functionName(function));
		assertThat(url.authTypeAsString()).isEqualTo("NONE");
		assertThat(url.functionUrl()).startsWith("https://").contains(".lambda-url.us-east-1.on.aws");
		assertThat(this.fixture.output()).contains("Api URL: " + url.functionUrl());

		var configuration = this.fixture.clients().lambda()
			.getFunctionConfiguration((request) -> request.functionName(function));
		assertThat(configuration.handler()).isEqualTo(LambdaHandlers.API_HANDLER);
		assertThat(configuration.environment().variables()).containsEntry("MAIN_CLASS", "com.example.WebApplication")
			.containsEntry("TRIBUTARY_STAGE", "dev")
			.doesNotContainKey("SPRING_CLOUD_FUNCTION_DEFINITION");
		assertThat(this.fixture.clients().lambda().getFunction((request) -> request.functionName(function)).tags())
			.containsEntry("tributary:app", this.fixture.app())
			.containsEntry("tributary:resource", "api/function");

		JsonNode policy = json.readTree(this.fixture.clients().lambda()
			.getPolicy((request) -> request.functionName(function))
			.policy());
		assertThat(policy.get("Statement").values()).extracting((statement) -> statement.get("Sid").stringValue())
			.containsExactlyInAnyOrder("tributary-public-url", "tributary-public-url-invoke");
		assertThat(policy.get("Statement").values()).extracting((statement) -> statement.get("Action").stringValue())
			.containsExactlyInAnyOrder("lambda:InvokeFunctionUrl", "lambda:InvokeFunction");

		String role = names.role("api", "us-east-1");
		JsonNode rolePolicy = json.readTree(decode(this.fixture.clients().iam()
			.getRolePolicy((request) -> request.roleName(role).policyName(ApiPolicyDocument.POLICY_NAME))
			.policyDocument()));
		assertThat(rolePolicy).isEqualTo(json.readTree("""
				{"Version":"2012-10-17","Statement":[
				{"Sid":"WriteOwnLogs","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],
				 "Resource":"arn:aws:logs:us-east-1:%s:log-group:/aws/lambda/%s:*"},
				{"Sid":"TableItems","Effect":"Allow","Action":["dynamodb:PutItem","dynamodb:GetItem"],
				 "Resource":"arn:aws:dynamodb:us-east-1:%s:table/%s"}]}""".formatted(ACCOUNT, function, ACCOUNT,
				this.table)));
		assertThat(rolePolicy.toString()).doesNotContain("\"*\"");
		assertThat(configuration.role()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/" + role);

		this.fixture.recorder().clear();
		this.fixture.output().clear();
		Plan second = this.fixture.deployer().deploy(registry, options);

		assertThat(second.isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
		assertThat(String.join("\n", this.fixture.output())).contains("No changes: 10 resources up to date.")
			.contains("the URL is public")
			.contains("Api URL: " + url.functionUrl());
	}

	@Test
	void anIamUrlHasNoPublicPermissionsAndSwitchingToNoneAndBackAddsAndRemovesThem() throws Exception {
		TestRegistry registry = TestRegistry.of("logItems", this.table, ProcessorOptions.defaults());
		this.fixture.deployer().deploy(registry, options(api(AuthType.AWS_IAM)));
		String function = new ResourceNames(this.fixture.app(), "dev").function("api");
		assertThat(this.fixture.clients().lambda()
			.getFunctionUrlConfig((request) -> request.functionName(function))
			.authTypeAsString()).isEqualTo("AWS_IAM");
		assertThat(String.join("\n", this.fixture.output())).doesNotContain("the URL is public")
			.contains("auth AWS_IAM: callers sign requests");
		assertThat(publicStatements(function)).isEmpty();

		this.fixture.recorder().clear();
		Plan toPublic = this.fixture.deployer().deploy(registry, options(api(AuthType.NONE)));

		assertThat(toPublic.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.type() + " " + change.action())
			.containsExactly("function-url UPDATE", "url-permission CREATE");
		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("UpdateFunctionUrlConfig", "AddPermission",
				"AddPermission");
		assertThat(publicStatements(function)).containsExactlyInAnyOrder("tributary-public-url",
				"tributary-public-url-invoke");

		this.fixture.recorder().clear();
		this.fixture.deployer().deploy(registry, options(api(AuthType.AWS_IAM)));

		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("UpdateFunctionUrlConfig",
				"RemovePermission", "RemovePermission");
		assertThat(publicStatements(function)).isEmpty();
	}

	@Test
	void aChangedDeclarationUpdatesOnlyTheRolePolicy() throws Exception {
		TestRegistry registry = TestRegistry.of("logItems", this.table, ProcessorOptions.defaults());
		this.fixture.deployer().deploy(registry, options(api(AuthType.NONE)));
		this.fixture.recorder().clear();

		HttpApiDefinition readOnly = new HttpApiDefinition(null, AuthType.NONE, null,
				List.of(new AccessGrant(ResourceKind.TABLE, "Items", this.table, List.of("GetItem"))));
		Plan plan = this.fixture.deployer().deploy(registry, options(readOnly));

		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("PutRolePolicy");
		assertThat(plan.changes()).filteredOn((change) -> change.action().mutates())
			.singleElement()
			.satisfies((change) -> assertThat(change.changes()).singleElement()
				.hasToString("Policy: (other) -> own log group, dynamodb:GetItem on arn:aws:dynamodb:us-east-1:"
						+ ACCOUNT + ":table/" + this.table));
	}

	@Test
	void destroyRemovesTheApiFunctionItsUrlRoleAndLogGroup() throws Exception {
		TestRegistry registry = TestRegistry.of("logItems", this.table, ProcessorOptions.defaults());
		DeployOptions options = options(api(AuthType.NONE));
		this.fixture.deployer().deploy(registry, options);
		ResourceNames names = new ResourceNames(this.fixture.app(), "dev");
		String function = names.function("api");

		Plan destroy = this.fixture.deployer().destroy(registry, options);

		assertThat(destroy.changes()).extracting((change) -> change.type() + " " + change.action())
			.startsWith("url-permission DELETE", "function-url DELETE", "function DELETE", "role DELETE",
					"log-group DELETE");
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(
				() -> this.fixture.clients().lambda().getFunction((request) -> request.functionName(function)));
		assertThat(this.fixture.clients().iam().listRoles().roles()).extracting((role) -> role.roleName())
			.doesNotContain(names.role("api", "us-east-1"));
		assertThat(this.fixture.clients().logs()
			.describeLogGroups((request) -> request.logGroupNamePrefix(names.logGroup("api")))
			.logGroups()).isEmpty();
	}

	@Test
	void removingTheApiFromTheCodeDeletesItsResourcesSayingWhyAndThenNothingMore() throws Exception {
		TestRegistry registry = TestRegistry.of("logItems", this.table, ProcessorOptions.defaults());
		this.fixture.deployer().deploy(registry, options(api(AuthType.NONE)));
		String function = new ResourceNames(this.fixture.app(), "dev").function("api");
		DeployOptions withoutApi = DeployOptions.builder(this.fixture.app())
			.artifact(TestArtifacts.zip(this.directory, "v1"))
			.mainClass("com.example.WebApplication")
			.build();

		Plan removal = this.fixture.deployer().deploy(registry, withoutApi);

		assertThat(removal.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.type() + " " + change.action())
			.containsExactly("url-permission DELETE", "function-url DELETE", "function DELETE", "role DELETE",
					"log-group DELETE");
		assertThat(removal.changes()).filteredOn((change) -> change.action().mutates())
			.allSatisfy((change) -> assertThat(change.consequence()).contains("the HTTP API is no longer in the code"));
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(
				() -> this.fixture.clients().lambda().getFunction((request) -> request.functionName(function)));

		this.fixture.recorder().clear();
		Plan after = this.fixture.deployer().deploy(registry, withoutApi);

		assertThat(after.isEmpty()).isTrue();
		assertThat(after.changes()).hasSize(5);
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void theApiIsNotTakenForARemovedProcessor() throws Exception {
		TestRegistry registry = TestRegistry.of("logItems", this.table, ProcessorOptions.defaults());
		DeployOptions options = options(api(AuthType.NONE));
		this.fixture.deployer().deploy(registry, options);
		this.fixture.recorder().clear();

		Plan again = this.fixture.deployer().deploy(registry, options);

		assertThat(again.isEmpty()).isTrue();
		assertThat(again.changes()).noneMatch((change) -> change.findConsequence()
			.filter((consequence) -> consequence.contains("no longer in the code"))
			.isPresent());
	}

	private List<String> publicStatements(String function) {
		try {
			JsonNode policy = json.readTree(this.fixture.clients().lambda()
				.getPolicy((request) -> request.functionName(function))
				.policy());
			return policy.path("Statement").values().stream().map((statement) -> statement.get("Sid").stringValue())
				.filter((sid) -> sid.startsWith("tributary-public-url"))
				.toList();
		}
		catch (ResourceNotFoundException ex) {
			return List.of();
		}
	}

	private HttpApiDefinition api(AuthType authType) {
		return new HttpApiDefinition(null, authType, null,
				List.of(new AccessGrant(ResourceKind.TABLE, "Items", this.table, List.of("PutItem", "GetItem"))));
	}

	private DeployOptions options(HttpApiDefinition api) throws Exception {
		return DeployOptions.builder(this.fixture.app())
			.artifact(TestArtifacts.zip(this.directory, "v1"))
			.mainClass("com.example.WebApplication")
			.api(api)
			.build();
	}

	private static String decode(String document) {
		// IAM returns documents URL-encoded, as AWS does.
		return document.startsWith("%") ? java.net.URLDecoder.decode(document, java.nio.charset.StandardCharsets.UTF_8)
				: document;
	}

}
