package dev.tributary.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tributary.HttpApiDefinition;
import dev.tributary.HttpApiDefinition.AccessGrant;
import dev.tributary.HttpApiDefinition.AuthType;
import dev.tributary.HttpApiDefinition.ResourceKind;
import dev.tributary.ProcessorOptions;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application packaging two zips against {@code moto_server}, laid out as {@code mvn package}
 * lays them out ({@code target/app-lambda.zip}, the processors', and
 * {@code target/app-api-lambda.zip}, the API function's, next to {@code target/classes}): each
 * function gets its own zip, the plan says which, a re-package changing nothing deploys nothing,
 * a change to one zip updates only the functions deploying it, both go through the bucket when too
 * large, and a stale API zip is refused. Without an API zip the API function deploys the
 * processors' zip.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class ApiArtifactIntegrationTests {

	private static final String ACCOUNT = "123456789012";

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("zips");

	private final String table = MotoServerExtension.uniqueName("items");

	private final TestRegistry registry = TestRegistry.of("logItems", this.table, ProcessorOptions.defaults());

	@TempDir
	Path target;

	private Path processorsZip;

	private Path apiZip;

	@BeforeEach
	void packageBothZips() throws Exception {
		Path classes = Files.createDirectories(this.target.resolve("classes/com/example"));
		age(Files.writeString(classes.resolve("WebApplication.class"), "v1"), Duration.ofMinutes(10));
		this.processorsZip = TestArtifacts.write(this.target.resolve("app-lambda.zip"), "processors-v1");
		this.apiZip = TestArtifacts.write(this.target.resolve("app-api-lambda.zip"), "api-v1");
	}

	@Test
	void eachFunctionDeploysItsOwnZipThePlanSaysWhichAndAnUnchangedRepackageDeploysNothing() throws Exception {
		Plan plan = this.fixture.deployer().deploy(this.registry, options().build());

		assertThat(codeSha256("logItems")).isEqualTo(Artifact.of(this.processorsZip).sha256Base64());
		assertThat(codeSha256("api")).isEqualTo(Artifact.of(this.apiZip).sha256Base64());
		assertThat(plan.changes()).filteredOn((change) -> change.type().equals("function"))
			.extracting((change) -> change.name() + " " + codeChange(change))
			.containsExactly(function("logItems") + " CodeSha256: " + Artifact.of(this.processorsZip).describe(),
					function("api") + " CodeSha256: " + Artifact.of(this.apiZip).describe());
		assertThat(String.join("\n", this.fixture.output())).contains("(app-lambda.zip)").contains("(app-api-lambda.zip)");

		repackage(this.processorsZip, "processors-v1");
		repackage(this.apiZip, "api-v1");
		this.fixture.recorder().clear();
		Plan again = this.fixture.deployer().deploy(this.registry, options().build());

		assertThat(again.isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void aChangedApiZipUpdatesOnlyTheApiFunctionsCode() throws Exception {
		this.fixture.deployer().deploy(this.registry, options().build());
		String before = codeSha256("api");
		repackage(this.apiZip, "api-v2");
		this.fixture.recorder().clear();

		Plan plan = this.fixture.deployer().deploy(this.registry, options().build());

		assertThat(plan.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.type() + " " + change.name() + " " + codeChange(change))
			.containsExactly("function " + function("api") + " CodeSha256: " + before + " -> "
					+ Artifact.of(this.apiZip).describe());
		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("UpdateFunctionCode");
		assertThat(codeSha256("api")).isEqualTo(Artifact.of(this.apiZip).sha256Base64());
		assertThat(codeSha256("logItems")).isEqualTo(Artifact.of(this.processorsZip).sha256Base64());
	}

	@Test
	void withoutAnApiZipTheApiFunctionDeploysTheProcessorsZip() throws Exception {
		DeployOptions options = options().apiArtifact(null).build();

		this.fixture.deployer().deploy(this.registry, options);

		String processors = Artifact.of(this.processorsZip).sha256Base64();
		assertThat(codeSha256("logItems")).isEqualTo(processors);
		assertThat(codeSha256("api")).isEqualTo(processors);
	}

	@Test
	void bothZipsOverTheDirectUploadLimitGoThroughTheBucketKeyedBySha256() throws Exception {
		DeployOptions options = options().directUploadLimit(10).build();

		Plan plan = this.fixture.deployer().deploy(this.registry, options);

		assertThat(plan.changes()).filteredOn((change) -> change.type().equals("bucket"))
			.singleElement()
			.satisfies((change) -> assertThat(change.changes()).extracting(Object::toString)
				.containsExactly("Object: " + key(this.processorsZip) + " (app-lambda.zip)",
						"Object: " + key(this.apiZip) + " (app-api-lambda.zip)"));
		String bucket = new ResourceNames(this.fixture.app(), "dev").bucket(ACCOUNT, "us-east-1");
		assertThat(this.fixture.clients().s3().listObjectsV2((request) -> request.bucket(bucket)).contents())
			.extracting(S3Object::key)
			.containsExactlyInAnyOrder(key(this.processorsZip), key(this.apiZip));
		assertThat(codeSha256("logItems")).isEqualTo(Artifact.of(this.processorsZip).sha256Base64());
		assertThat(codeSha256("api")).isEqualTo(Artifact.of(this.apiZip).sha256Base64());

		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(this.registry, options).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();

		repackage(this.apiZip, "api-v2");
		this.fixture.deployer().deploy(this.registry, options);

		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("PutObject", "UpdateFunctionCode");
		assertThat(codeSha256("api")).isEqualTo(Artifact.of(this.apiZip).sha256Base64());
	}

	@Test
	void anApiZipOlderThanTheCompiledClassesIsRefusedBeforeAnyChange() throws Exception {
		age(this.apiZip, Duration.ofHours(1));

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().deploy(this.registry, options().build()))
			.withMessageStartingWith("Lambda artifact " + this.apiZip.toAbsolutePath() + " (built ")
			.withMessageContaining("is older than the compiled classes in " + this.target.resolve("classes").toAbsolutePath());
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	private DeployOptions.Builder options() {
		return DeployOptions.builder(this.fixture.app())
			.artifact(this.processorsZip)
			.apiArtifact(this.apiZip)
			.mainClass("com.example.WebApplication")
			.api(new HttpApiDefinition(null, AuthType.AWS_IAM, null,
					List.of(new AccessGrant(ResourceKind.TABLE, "Items", this.table, List.of("GetItem")))));
	}

	private String function(String name) {
		return new ResourceNames(this.fixture.app(), "dev").function(name);
	}

	private String codeSha256(String name) {
		return this.fixture.clients()
			.lambda()
			.getFunctionConfiguration((request) -> request.functionName(function(name)))
			.codeSha256();
	}

	private static String codeChange(ResourceChange change) {
		return change.changes()
			.stream()
			.filter((field) -> field.field().equals("CodeSha256"))
			.map(Object::toString)
			.findFirst()
			.orElse("(code unchanged)");
	}

	private static String key(Path zip) {
		return "artifacts/" + Artifact.of(zip).sha256Hex() + ".zip";
	}

	// Packaging again writes a new file (fixed entry timestamps and order: the same bytes for the
	// same content).
	private static void repackage(Path zip, String version) throws Exception {
		Files.delete(zip);
		TestArtifacts.write(zip, version);
	}

	private static Path age(Path file, Duration age) throws Exception {
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
		return file;
	}

}
