package dev.tributary.deploy.kinesis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.tributary.deploy.resource.DeployContext;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The read calls on one Kinesis data stream that planning makes, and the waits after a change.
 *
 * @author Tributary
 */
final class KinesisStreams {

	private KinesisStreams() {
	}

	/**
	 * The stream's summary, by name.
	 */
	static Optional<StreamDescriptionSummary> describe(KinesisClient kinesis, String name) {
		return describe(kinesis, (request) -> request.streamName(name));
	}

	/**
	 * The stream's summary, by ARN.
	 */
	static Optional<StreamDescriptionSummary> describeArn(KinesisClient kinesis, String arn) {
		return describe(kinesis, (request) -> request.streamARN(arn));
	}

	private static Optional<StreamDescriptionSummary> describe(KinesisClient kinesis,
			Consumer<DescribeStreamSummaryRequest.Builder> stream) {
		try {
			return Optional.of(kinesis.describeStreamSummary(stream).streamDescriptionSummary());
		}
		catch (ResourceNotFoundException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Every tag of the stream (Kinesis pages them).
	 */
	static Map<String, String> tags(KinesisClient kinesis, String name) {
		Map<String, String> tags = new LinkedHashMap<>();
		@Nullable String after = null;
		boolean more = true;
		while (more) {
			String start = after;
			ListTagsForStreamResponse page = kinesis
				.listTagsForStream((request) -> request.streamName(name).exclusiveStartTagKey(start));
			page.tags().forEach((tag) -> tags.put(tag.key(), tag.value()));
			more = Boolean.TRUE.equals(page.hasMoreTags()) && !page.tags().isEmpty();
			after = more ? page.tags().get(page.tags().size() - 1).key() : null;
		}
		return tags;
	}

	/**
	 * Wait until the stream is {@code ACTIVE}: Kinesis takes no other change while it is
	 * {@code CREATING} or {@code UPDATING}.
	 */
	static StreamDescriptionSummary awaitActive(DeployContext context, String name) {
		context.retrier()
			.await("Kinesis stream " + name + " to be ACTIVE",
					() -> describe(context.clients().kinesis(), name).map(StreamDescriptionSummary::streamStatus)
						.filter(StreamStatus.ACTIVE::equals)
						.isPresent(),
					DeployContext.SETTLE_TIMEOUT);
		return describe(context.clients().kinesis(), name).orElseThrow();
	}

	/**
	 * Wait until a deleted stream is gone, so that a deploy right after creates it again
	 * rather than failing on a stream still {@code DELETING}.
	 */
	static void awaitDeleted(DeployContext context, String name) {
		context.retrier()
			.await("Kinesis stream " + name + " to be deleted",
					() -> describe(context.clients().kinesis(), name).isEmpty(), DeployContext.SETTLE_TIMEOUT);
	}

}
