package dev.tributary.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import dev.tributary.ProcessorOptions;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.deploy.support.TestRegistry;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Lambda zip against {@code moto_server}, laid out as Maven does ({@code target/classes}
 * next to {@code target/*-lambda.zip}): a re-package with no change uploads nothing, and a zip
 * older than the classes is refused.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class ArtifactIntegrationTests {

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("zip");

	private final String table = MotoServerExtension.uniqueName("items");

	@TempDir
	Path target;

	private Path classes;

	@BeforeEach
	void compile() throws Exception {
		this.classes = Files.createDirectories(this.target.resolve("classes/dev/tributary/sample"));
		Path compiled = Files.writeString(this.classes.resolve("Version.class"), "v1");
		age(compiled, Duration.ofMinutes(10));
	}

	@Test
	void anUnchangedRepackageDeploysNothingAndAChangedOneUploadsOnce() throws Exception {
		this.fixture.deployer().deploy(registry(), options(TestArtifacts.zip(this.target, "v1")));
		// Packaging again writes a new file with the same bytes (fixed entry timestamps and order).
		Files.delete(this.target.resolve("function-v1.zip"));
		Path repackaged = TestArtifacts.zip(this.target, "v1");
		this.fixture.recorder().clear();

		Plan plan = this.fixture.deployer().deploy(registry(), options(repackaged));

		assertThat(plan.isEmpty()).isTrue();
		assertThat(this.fixture.recorder().calls()).doesNotContain("UpdateFunctionCode");
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();

		this.fixture.deployer().deploy(registry(), options(TestArtifacts.zip(this.target, "v2")));

		assertThat(this.fixture.recorder().mutatingCalls()).containsExactly("UpdateFunctionCode");
	}

	@Test
	void aZipOlderThanTheCompiledClassesIsRefusedBeforeAnyChange() throws Exception {
		Path zip = TestArtifacts.zip(this.target, "v1");
		age(zip, Duration.ofHours(1));
		FileTime built = Files.getLastModifiedTime(zip);
		FileTime changed = Files.getLastModifiedTime(this.classes.resolve("Version.class"));

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer().deploy(registry(), options(zip)))
			.withMessage("Lambda artifact " + zip.toAbsolutePath() + " (built " + built
					+ ") is older than the compiled classes in " + this.target.resolve("classes").toAbsolutePath()
					+ " (dev/tributary/sample/Version.class changed " + changed + "): it is stale and would deploy "
					+ "the old code. Run 'mvn package' to rebuild it, then deploy again");
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	private static void age(Path file, Duration age) throws Exception {
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
	}

	private TestRegistry registry() {
		return TestRegistry.of("orders", this.table, ProcessorOptions.builder().build());
	}

	private DeployOptions options(Path zip) {
		return DeployOptions.builder(this.fixture.app()).artifact(zip).build();
	}

}
