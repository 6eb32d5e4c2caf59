package dev.tributary.deploy;

import java.nio.file.Path;
import java.util.List;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.Plan;
import dev.tributary.deploy.support.DeployTestFixture;
import dev.tributary.deploy.support.KinesisTestProcessors;
import dev.tributary.deploy.support.TestArtifacts;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two stages of one app with Kinesis processors, against {@code moto_server}: a stage changes
 * and deletes only the streams it created, whether the stages have streams of their own or
 * share one.
 *
 * @author Tributary
 */
@ExtendWith(MotoServerExtension.class)
class KinesisStageIsolationIntegrationTests {

	@RegisterExtension
	final DeployTestFixture fixture = new DeployTestFixture("stages");

	private final String streamName = MotoServerExtension.uniqueName("clicks");

	@TempDir
	Path directory;

	@Test
	void destroyingOneStageWithItsOwnStreamLeavesTheOtherStagesStreamAndMapping() throws Exception {
		this.fixture.deployer().deploy(registry(this.streamName + "-dev", 1), options("dev"));
		this.fixture.deployer().deploy(registry(this.streamName + "-prod", 1), options("prod"));
		String prodArn = describe(this.streamName + "-prod").streamARN();

		this.fixture.deployer()
			.destroy(registry(this.streamName + "-dev", 1), options("dev").toBuilder().destroyStreams(true).build());

		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> describe(this.streamName + "-dev"));
		assertThat(describe(this.streamName + "-prod").streamStatusAsString()).isEqualTo("ACTIVE");
		assertThat(mappings("prod")).singleElement()
			.satisfies((mapping) -> assertThat(mapping.eventSourceArn()).isEqualTo(prodArn));
	}

	@Test
	void aStreamSharedByTwoStagesIsChangedAndDeletedOnlyByTheStageThatCreatedIt() throws Exception {
		this.fixture.deployer().deploy(registry(this.streamName, 1), options("dev"));
		this.fixture.recorder().clear();

		Plan prod = this.fixture.deployer().deploy(registry(this.streamName, 2), options("prod"));

		assertThat(prod.changes().get(0)).satisfies((change) -> {
			assertThat(change.type()).isEqualTo("stream");
			assertThat(change.action()).isEqualTo(Action.UNCHANGED);
			assertThat(change.findConsequence()).hasValue("used as it is, not changed: it was not created by "
					+ "Tributary for this app and stage, and it differs from tributary.streams.clicks "
					+ "(ShardCount: 1 -> 2); change it where it is managed, or give this stage its own stream name");
		});
		assertThat(this.fixture.recorder().mutatingCalls()).doesNotContain("UpdateShardCount", "AddTagsToStream");
		String arn = describe(this.streamName).streamARN();
		assertThat(describe(this.streamName).openShardCount()).isEqualTo(1);
		assertThat(mappings("prod")).singleElement()
			.satisfies((mapping) -> assertThat(mapping.eventSourceArn()).isEqualTo(arn));
		String prodMapping = mappings("prod").get(0).uuid();

		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> this.fixture.deployer()
				.destroy(registry(this.streamName, 1), options("dev").toBuilder().destroyStreams(true).build()))
			.withMessage("tributary.deploy.destroy-streams=true refuses to delete Kinesis stream '" + this.streamName
					+ "': other stages or apps read it: mapping " + prodMapping + " of function "
					+ names("prod").function("logClicks") + " (app '" + this.fixture.app() + "' stage 'prod'). "
					+ "Nothing was destroyed. Destroy them first, or run destroy with "
					+ "tributary.deploy.destroy-streams=false to keep the stream");
		assertThat(mappings("dev")).hasSize(1);

		Plan prodDestroyed = this.fixture.deployer()
			.destroy(registry(this.streamName, 2), options("prod").toBuilder().destroyStreams(true).build());

		assertThat(prodDestroyed.changes().get(prodDestroyed.changes().size() - 1).findConsequence())
			.hasValue("kept: it was not created by Tributary for this app and stage");
		assertThat(describe(this.streamName).streamStatusAsString()).isEqualTo("ACTIVE");
		assertThat(mappings("dev")).singleElement()
			.satisfies((mapping) -> assertThat(mapping.eventSourceArn()).isEqualTo(arn));
	}

	private StreamProcessorRegistry registry(String stream, int shards) {
		return KinesisTestProcessors.registry(KinesisTestProcessors.processor("logClicks",
				KinesisTestProcessors.provisioned("clicks", stream, shards)));
	}

	private DeployOptions options(String stage) throws Exception {
		return DeployOptions.builder(this.fixture.app())
			.stage(stage)
			.artifact(TestArtifacts.zip(this.directory, "v1"))
			.build();
	}

	private ResourceNames names(String stage) {
		return new ResourceNames(this.fixture.app(), stage);
	}

	private StreamDescriptionSummary describe(String stream) {
		return this.fixture.clients()
			.kinesis()
			.describeStreamSummary((request) -> request.streamName(stream))
			.streamDescriptionSummary();
	}

	private List<EventSourceMappingConfiguration> mappings(String stage) {
		return this.fixture.clients()
			.lambda()
			.listEventSourceMappings((request) -> request.functionName(names(stage).function("logClicks")))
			.eventSourceMappings();
	}

}
