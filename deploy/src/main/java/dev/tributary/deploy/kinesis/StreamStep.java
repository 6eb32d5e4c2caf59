package dev.tributary.deploy.kinesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ForeignMappings;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

import org.springframework.util.Assert;

/**
 * A Kinesis data stream processors read. A stream the application declares is created when
 * absent (its capacity mode and, when provisioned, shard count; tagged with the owner tags) and
 * rescaled or switched between modes when it differs, but only when this app and stage created
 * it: a stream of the same name found without its tags (another stage's, another app's, or made
 * by hand) is read as it is and never changed or deleted. A stream named by its ARN is only
 * checked to exist.
 *
 * @author Tributary
 */
public final class StreamStep implements ResourceStep {

	static final String TYPE = "stream";

	private final KinesisStreamDescriptor stream;

	private final List<String> processors;

	/**
	 * Create the step.
	 * @param stream the stream
	 * @param processors the names of the processors reading it, for messages
	 */
	public StreamStep(KinesisStreamDescriptor stream, List<String> processors) {
		Assert.notNull(stream, "'stream' must not be null");
		Assert.notNull(processors, "'processors' must not be null");
		this.stream = stream;
		this.processors = List.copyOf(processors);
	}

	@Override
	public StepPlan plan(DeployContext context) {
		if (this.stream.isExisting()) {
			return planExisting(context);
		}
		String name = this.stream.name();
		KinesisClient kinesis = context.clients().kinesis();
		Optional<StreamDescriptionSummary> current = KinesisStreams.describe(kinesis, name);
		if (current.isEmpty()) {
			// Kinesis ARNs follow from the name, so the role's policy is exact in the plan already.
			context.kinesisStreamArn(this.stream.id(), context.arn("kinesis", "stream/" + name));
			return new StepPlan(ResourceChange.of(TYPE, name, Action.CREATE, desiredFields()), () -> create(context));
		}
		context.kinesisStreamArn(this.stream.id(), current.get().streamARN());
		List<FieldChange> changes = changes(current.get());
		if (!context.tags().isManaged(KinesisStreams.tags(kinesis, name))) {
			if (changes.isEmpty()) {
				return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
			}
			return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(),
					"used as it is, not changed: it was not created by Tributary for this app and stage, and it "
							+ "differs from tributary.streams." + this.stream.id() + " (" + describe(changes)
							+ "); change it where it is managed, or give this stage its own stream name"));
		}
		if (changes.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		return new StepPlan(ResourceChange.of(TYPE, name, Action.UPDATE, changes), () -> update(context));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		if (this.stream.isExisting()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, this.stream.name(), Action.UNCHANGED, List.of(),
					"kept: an existing stream named by its ARN is never deleted"));
		}
		String name = this.stream.name();
		KinesisClient kinesis = context.clients().kinesis();
		Optional<StreamDescriptionSummary> current = KinesisStreams.describe(kinesis, name);
		if (current.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		if (!context.options().destroyStreams()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(),
					"kept with its records (set tributary.deploy.destroy-streams=true to delete it)"));
		}
		if (!context.tags().isManaged(KinesisStreams.tags(kinesis, name))) {
			return StepPlan.unchanged(new ResourceChange(TYPE, name, Action.UNCHANGED, List.of(),
					"kept: it was not created by Tributary for this app and stage"));
		}
		List<String> readers = ForeignMappings.readingKinesisStream(context, current.get().streamARN());
		if (!readers.isEmpty()) {
			throw new DeployException("tributary.deploy.destroy-streams=true refuses to delete Kinesis stream '" + name
					+ "': other stages or apps read it: " + String.join(", ", readers)
					+ ". Nothing was destroyed. Destroy them first, or run destroy with "
					+ "tributary.deploy.destroy-streams=false to keep the stream");
		}
		return new StepPlan(new ResourceChange(TYPE, name, Action.DELETE, List.of(),
				"the stream and all its records are deleted"), () -> {
					context.retrier()
						.run("DeleteStream " + name, () -> kinesis.deleteStream((request) -> request.streamName(name)));
					KinesisStreams.awaitDeleted(context, name);
				});
	}

	private StepPlan planExisting(DeployContext context) {
		String arn = this.stream.arn();
		Assert.state(arn != null, "An existing stream has an ARN");
		String[] parts = arn.split(":", 6);
		String boundBy = "named by its ARN by processor(s) " + this.processors + " (@KinesisStreamProcessor(stream) or "
				+ "tributary.processors.<bean>.stream)";
		if (parts.length == 6 && !parts[3].equals(context.region())) {
			throw new DeployException("Kinesis stream " + arn + " (" + boundBy + ") is in region " + parts[3]
					+ " but deploy deploys to " + context.region() + ": an event source mapping reads a stream of its "
					+ "own region only. Deploy to " + parts[3] + " (spring.cloud.aws.region.static), or read a "
					+ "stream of " + context.region());
		}
		if (KinesisStreams.describeArn(context.clients().kinesis(), arn).isEmpty()) {
			throw new DeployException("Kinesis stream " + arn + " (" + boundBy + ") does not exist in region "
					+ context.region() + ": deploy never creates a stream named by its ARN. Create it, correct the "
					+ "ARN, or declare the stream under tributary.streams.<id> by name so that deploy creates it");
		}
		context.kinesisStreamArn(this.stream.id(), arn);
		return StepPlan.unchanged(ResourceChange.unchanged(TYPE, this.stream.name()));
	}

	private List<FieldChange> desiredFields() {
		List<FieldChange> fields = new ArrayList<>();
		fields.add(FieldChange.set("StreamMode", this.stream.mode()));
		if (this.stream.mode() == KinesisStreamMode.PROVISIONED) {
			fields.add(FieldChange.set("ShardCount", this.stream.shardCount()));
		}
		return fields;
	}

	/**
	 * How the stream differs from its declaration: the mode, and for a provisioned stream the
	 * number of open shards (an on-demand stream's shards are Kinesis's to choose).
	 */
	private List<FieldChange> changes(StreamDescriptionSummary current) {
		List<FieldChange> changes = new ArrayList<>();
		String mode = StreamScaling.mode(current).name();
		if (!mode.equals(this.stream.mode().name())) {
			changes.add(new FieldChange("StreamMode", mode, this.stream.mode().name()));
		}
		if (this.stream.mode() == KinesisStreamMode.PROVISIONED && current.openShardCount() != null
				&& current.openShardCount() != this.stream.shardCount()) {
			changes.add(new FieldChange("ShardCount", String.valueOf(current.openShardCount()),
					String.valueOf(this.stream.shardCount())));
		}
		return changes;
	}

	private void create(DeployContext context) {
		String name = this.stream.name();
		KinesisClient kinesis = context.clients().kinesis();
		Map<String, String> tags = context.tags().forResource("stream/" + this.stream.id());
		context.retrier().run("CreateStream " + name, () -> kinesis.createStream((request) -> {
			request.streamName(name)
				.streamModeDetails((mode) -> mode.streamMode(this.stream.mode().name()))
				.tags(tags);
			if (this.stream.mode() == KinesisStreamMode.PROVISIONED) {
				request.shardCount(this.stream.shardCount());
			}
		}));
		StreamDescriptionSummary created = KinesisStreams.awaitActive(context, name);
		if (!context.tags().isManaged(KinesisStreams.tags(kinesis, name))) {
			// AWS tags the stream in CreateStream; an emulator that ignores the tags there gets them here.
			context.retrier()
				.run("AddTagsToStream " + name,
						() -> kinesis.addTagsToStream((request) -> request.streamName(name).tags(tags)));
		}
		context.kinesisStreamArn(this.stream.id(), created.streamARN());
	}

	private void update(DeployContext context) {
		StreamScaling scaling = new StreamScaling(context, this.stream.name());
		StreamDescriptionSummary current = KinesisStreams.awaitActive(context, this.stream.name());
		if (StreamScaling.mode(current) != this.stream.mode()) {
			current = scaling.switchMode(current, this.stream.mode());
		}
		if (this.stream.mode() == KinesisStreamMode.PROVISIONED) {
			scaling.scaleTo(current, this.stream.shardCount());
		}
	}

	private static String describe(List<FieldChange> changes) {
		return String.join("; ", changes.stream().map(FieldChange::toString).toList());
	}

}
