package dev.tributary.deploy.kinesis;

import dev.tributary.KinesisStreamMode;
import dev.tributary.deploy.resource.DeployContext;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;

import org.springframework.util.Assert;

/**
 * Changes a stream's capacity: its mode ({@code UpdateStreamMode}) and its number of shards
 * ({@code UpdateShardCount}, uniform scaling). One {@code UpdateShardCount} may at most double
 * or halve the open shards, so a larger change is made in steps, each waited for until the
 * stream is {@code ACTIVE} again.
 *
 * @author Tributary
 */
final class StreamScaling {

	private final DeployContext context;

	private final String name;

	StreamScaling(DeployContext context, String name) {
		Assert.notNull(context, "'context' must not be null");
		Assert.hasText(name, "'name' must not be empty");
		this.context = context;
		this.name = name;
	}

	/**
	 * The stream's capacity mode; a stream that reports none is provisioned (the only mode
	 * before on-demand existed).
	 */
	static KinesisStreamMode mode(StreamDescriptionSummary summary) {
		return (summary.streamModeDetails() != null
				&& summary.streamModeDetails().streamMode() == StreamMode.ON_DEMAND) ? KinesisStreamMode.ON_DEMAND
						: KinesisStreamMode.PROVISIONED;
	}

	StreamDescriptionSummary switchMode(StreamDescriptionSummary current, KinesisStreamMode mode) {
		this.context.progress("  switching stream " + this.name + " to " + mode);
		this.context.retrier()
			.run("UpdateStreamMode " + this.name, () -> this.context.clients()
				.kinesis()
				.updateStreamMode((request) -> request.streamARN(current.streamARN())
					.streamModeDetails((details) -> details.streamMode(mode.name()))));
		return KinesisStreams.awaitActive(this.context, this.name);
	}

	void scaleTo(StreamDescriptionSummary current, int target) {
		Integer open = current.openShardCount();
		Assert.state(open != null, () -> "Kinesis stream " + this.name + " reports no open shard count");
		int shards = open;
		while (shards != target) {
			int next = nextStep(shards, target);
			this.context.progress("  scaling stream " + this.name + " from " + shards + " to " + next + " shards");
			this.context.retrier()
				.run("UpdateShardCount " + this.name, () -> this.context.clients()
					.kinesis()
					.updateShardCount((request) -> request.streamName(this.name)
						.targetShardCount(next)
						.scalingType(ScalingType.UNIFORM_SCALING)));
			KinesisStreams.awaitActive(this.context, this.name);
			shards = next;
		}
	}

	/**
	 * The next shard count on the way to {@code target}: at most double, at least half (rounded
	 * up) of {@code current}.
	 */
	static int nextStep(int current, int target) {
		if (target > current) {
			return Math.min(target, current * 2);
		}
		return Math.max(target, (current + 1) / 2);
	}

}
