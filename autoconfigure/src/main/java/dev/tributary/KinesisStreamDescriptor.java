package dev.tributary;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A Kinesis data stream a processor reads from: the id the application uses, the physical name
 * for the current stage, and how it is provisioned. A stream named by its ARN exists outside the
 * application: it is read, but never created, changed or deleted.
 *
 * @param id the id used in bindings ({@code @KinesisStreamProcessor(stream = id)}), or the
 * ARN of an existing stream
 * @param name the physical stream name, which may differ per stage
 * @param arn the ARN of an existing stream, or {@code null} when the application owns the
 * stream
 * @param mode the capacity mode of a stream the application owns
 * @param shardCount the number of shards of a {@link KinesisStreamMode#PROVISIONED} stream
 * the application owns
 * @author Tributary
 */
public record KinesisStreamDescriptor(String id, String name, @Nullable String arn, KinesisStreamMode mode,
		int shardCount) {

	public KinesisStreamDescriptor {
		Assert.hasText(id, "'id' must not be empty");
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(mode, "'mode' must not be null");
		Assert.isTrue(shardCount > 0, "'shardCount' must be positive");
	}

	/**
	 * Whether the stream exists outside the application (it was named by its ARN): the
	 * application reads it but never creates, changes or deletes it.
	 * @return whether the stream is an existing one
	 */
	public boolean isExisting() {
		return this.arn != null;
	}

}
