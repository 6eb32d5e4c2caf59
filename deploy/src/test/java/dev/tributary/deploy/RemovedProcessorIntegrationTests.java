package dev.tributary.deploy;

import java.nio.file.Path;

import dev.tributary.ProcessorOptions;
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
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A processor removed from the code, against {@code moto_server}: its function, mapping, role
 * and log group are found by their owner tags, planned as deletions and removed.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class RemovedProcessorIntegrationTests {

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("removed");

	private final String table = MotoServerExtension.uniqueName("items");

	@TempDir
	Path directory;

	@Test
	void aRemovedProcessorIsPlannedAsDeletionsAndRemovedByDeployLeavingTheOthers() throws Exception {
		this.fixture.deployer().deploy(registry("orders", "audit"), options());
		assertThat(mappings("audit")).isEqualTo(1);

		Plan plan = this.fixture.deployer().plan(registry("orders"), options());

		String auditFunction = names().function("audit");
		assertThat(plan.changes()).filteredOn((change) -> change.action().mutates())
			.extracting((change) -> change.action() + " " + change.type() + " " + change.name())
			.containsExactly("DELETE mapping " + auditFunction, "DELETE function " + auditFunction,
					"DELETE role " + names().role("audit", "us-east-1"), "DELETE log-group " + names().logGroup("audit"));
		assertThat(plan.changes()).filteredOn((change) -> change.action().mutates())
			.allSatisfy((change) -> assertThat(change.findConsequence().orElseThrow())
				.startsWith("processor 'audit' is no longer in the code"));
		assertThat(this.fixture.output()).anySatisfy((line) -> assertThat(line)
			.contains("! function " + auditFunction + ": processor 'audit' is no longer in the code"));
		assertThat(mappings("audit")).isEqualTo(1);

		this.fixture.deployer().deploy(registry("orders"), options());

		assertAllGone("audit");
		assertThat(mappings("orders")).isEqualTo(1);
		this.fixture.recorder().clear();
		assertThat(this.fixture.deployer().deploy(registry("orders"), options()).isEmpty()).isTrue();
		assertThat(this.fixture.recorder().mutatingCalls()).isEmpty();
	}

	@Test
	void destroyAlsoRemovesProcessorsNoLongerInTheCode() throws Exception {
		this.fixture.deployer().deploy(registry("orders", "audit"), options());

		this.fixture.deployer().destroy(registry("orders"), options());

		assertAllGone("audit");
		assertAllGone("orders");
	}

	private void assertAllGone(String processor) {
		assertThat(mappings(processor)).isZero();
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(() -> this.fixture.clients()
			.lambda()
			.getFunction((request) -> request.functionName(names().function(processor))));
		assertThatExceptionOfType(NoSuchEntityException.class).isThrownBy(() -> this.fixture.clients()
			.iam()
			.getRole((request) -> request.roleName(names().role(processor, "us-east-1"))));
		assertThat(this.fixture.clients()
			.logs()
			.describeLogGroups((request) -> request.logGroupNamePrefix(names().logGroup(processor)))
			.logGroups()).isEmpty();
	}

	private int mappings(String processor) {
		return this.fixture.clients().lambda()
			.listEventSourceMappings((request) -> request.functionName(names().function(processor)))
			.eventSourceMappings()
			.size();
	}

	private ResourceNames names() {
		return new ResourceNames(this.fixture.app(), "dev");
	}

	private TestRegistry registry(String... processors) {
		return TestRegistry.of(this.table, ProcessorOptions.builder().build(), processors);
	}

	private DeployOptions options() throws Exception {
		return DeployOptions.builder(this.fixture.app()).artifact(TestArtifacts.zip(this.directory, "v1")).build();
	}

}
