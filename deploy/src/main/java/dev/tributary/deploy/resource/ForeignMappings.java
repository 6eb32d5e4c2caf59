package dev.tributary.deploy.resource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The event source mappings of other stages and applications (and of no Tributary app at all)
 * that use a resource: destroy keeps a queue they send failures to and refuses to delete a
 * table, Kinesis stream or SQS queue they read. A mapping is this stage's when its function
 * carries this app's and stage's tags; reading them is one {@code ListTags} per function.
 *
 * @author Tributary
 */
public final class ForeignMappings {

	private ForeignMappings() {
	}

	/**
	 * Mappings of others sending failed batches to a destination.
	 * @param context the run's context
	 * @param destinationArn the queue or topic ARN
	 * @return one description per mapping, naming its function and owner
	 */
	public static List<String> sendingFailuresTo(DeployContext context, String destinationArn) {
		Assert.hasText(destinationArn, "'destinationArn' must not be empty");
		return find(context, (mapping) -> destinationArn.equals(destination(mapping.destinationConfig())));
	}

	/**
	 * Mappings of others reading a table's streams (any of its streams, current or retired).
	 * @param context the run's context
	 * @param tableArn the table ARN
	 * @return one description per mapping, naming its function and owner
	 */
	public static List<String> readingTable(DeployContext context, String tableArn) {
		Assert.hasText(tableArn, "'tableArn' must not be empty");
		return find(context, (mapping) -> mapping.eventSourceArn() != null
				&& mapping.eventSourceArn().startsWith(tableArn + "/stream/"));
	}

	/**
	 * Mappings of others reading a Kinesis data stream, directly or through one of its
	 * enhanced fan-out consumers.
	 * @param context the run's context
	 * @param streamArn the stream ARN
	 * @return one description per mapping, naming its function and owner
	 */
	public static List<String> readingKinesisStream(DeployContext context, String streamArn) {
		Assert.hasText(streamArn, "'streamArn' must not be empty");
		return find(context, (mapping) -> mapping.eventSourceArn() != null
				&& (mapping.eventSourceArn().equals(streamArn)
						|| mapping.eventSourceArn().startsWith(streamArn + "/consumer/")));
	}

	/**
	 * Mappings of others reading an SQS queue.
	 * @param context the run's context
	 * @param queueArn the queue ARN
	 * @return one description per mapping, naming its function and owner
	 */
	public static List<String> readingQueue(DeployContext context, String queueArn) {
		Assert.hasText(queueArn, "'queueArn' must not be empty");
		return find(context, (mapping) -> queueArn.equals(mapping.eventSourceArn()));
	}

	private static List<String> find(DeployContext context, Predicate<EventSourceMappingConfiguration> uses) {
		LambdaClient lambda = context.clients().lambda();
		return lambda.listEventSourceMappingsPaginator((request) -> {
		})
			.eventSourceMappings()
			.stream()
			.filter(uses)
			.map((mapping) -> describeForeign(context, mapping))
			.filter(Objects::nonNull)
			.toList();
	}

	/**
	 * A description of a mapping that is not this stage's, or {@code null} when it is.
	 */
	private static @Nullable String describeForeign(DeployContext context, EventSourceMappingConfiguration mapping) {
		String functionArn = unqualified(mapping.functionArn());
		String function = functionArn.substring(functionArn.lastIndexOf(':') + 1);
		Map<String, String> tags = tags(context.clients().lambda(), functionArn);
		if (context.tags().isManaged(tags)) {
			return null;
		}
		String owner = tags.containsKey(ManagedTags.APP) ? "app '" + tags.get(ManagedTags.APP) + "' stage '"
				+ tags.get(ManagedTags.STAGE) + "'" : "not deployed by Tributary";
		return "mapping " + mapping.uuid() + " of function " + function + " (" + owner + ")";
	}

	private static Map<String, String> tags(LambdaClient lambda, String functionArn) {
		try {
			return lambda.listTags((request) -> request.resource(functionArn)).tags();
		}
		catch (ResourceNotFoundException ex) {
			return Map.of();
		}
	}

	/**
	 * A function ARN without a version or alias qualifier.
	 */
	static String unqualified(String functionArn) {
		String[] parts = functionArn.split(":");
		return (parts.length > 7) ? String.join(":", Arrays.copyOf(parts, 7)) : functionArn;
	}

	private static @Nullable String destination(@Nullable DestinationConfig config) {
		return (config != null && config.onFailure() != null) ? config.onFailure().destination() : null;
	}

}
