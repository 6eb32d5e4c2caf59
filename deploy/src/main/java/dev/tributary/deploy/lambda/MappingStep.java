package dev.tributary.deploy.lambda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.DeployedProcessor;
import dev.tributary.deploy.resource.OnFailureDestinations;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;

import org.springframework.util.Assert;

/**
 * The event source mapping from a processor's stream (a table's stream or a Kinesis data
 * stream) to its function. Every mapping on the function is deploy's; one on another stream (a
 * replaced or renamed stream) is deleted. The starting position (and a Kinesis
 * {@code AT_TIMESTAMP}'s timestamp) only applies when the mapping is created: later the mapping
 * resumes from its checkpoint, so a changed starting position is not a difference.
 *
 * @author Tributary
 */
public final class MappingStep implements ResourceStep {

	static final String TYPE = "mapping";

	private final DeployedProcessor processor;

	/**
	 * Create the step.
	 * @param processor the processor, of any source
	 */
	public MappingStep(DeployedProcessor processor) {
		Assert.notNull(processor, "'processor' must not be null");
		this.processor = processor;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String function = context.names().function(this.processor.name());
		ProcessorOptions options = this.processor.options();
		@Nullable String onFailure = options.onFailureDestination().map(context::queueArn).orElse(null);
		MappingSettings desired = this.processor.readsQueue()
				? MappingSettings.desiredForQueue(options, this.processor.maximumConcurrency())
				: MappingSettings.desired(options, onFailure);
		Optional<String> streamArn = this.processor.streamArn(context);
		String aliasArn = AliasStep.aliasArn(context, function);
		String target = context.options().snapStart() ? aliasArn : function;
		List<EventSourceMappingConfiguration> onAlias = list(context.clients().lambda(), aliasArn);
		List<EventSourceMappingConfiguration> mappings = all(context, function, onAlias);
		Optional<EventSourceMappingConfiguration> current = streamArn
			.flatMap((arn) -> mappings.stream().filter((mapping) -> arn.equals(mapping.eventSourceArn())).findFirst());
		List<EventSourceMappingConfiguration> stale = mappings.stream()
			.filter((mapping) -> current.isEmpty() || !mapping.uuid().equals(current.get().uuid()))
			.toList();
		if (current.isEmpty()) {
			List<FieldChange> changes = new ArrayList<>();
			changes.add(new FieldChange("EventSourceArn", stale.isEmpty() ? null : stale.get(0).eventSourceArn(),
					streamArn.orElse(FieldChange.KNOWN_AFTER_APPLY)));
			if (this.processor.startingPosition() != null) {
				changes.add(FieldChange.set("StartingPosition", this.processor.startingPosition()));
			}
			if (this.processor.startingPositionTimestamp() != null) {
				changes.add(FieldChange.set("StartingPositionTimestamp", this.processor.startingPositionTimestamp()));
			}
			desired.fields().forEach((field, value) -> changes.add(FieldChange.set(field, value)));
			Action action = stale.isEmpty() ? Action.CREATE : Action.REPLACE;
			String consequence = stale.isEmpty() ? null
					: this.processor.readsQueue()
							? "the mapping moves to the new queue; messages left in the old queue are not processed"
							: "the mapping moves to the new stream and starts at " + startingAt()
									+ "; the old stream's unread records are not processed";
			return new StepPlan(new ResourceChange(TYPE, function, action, changes, consequence), () -> {
				stale.forEach((mapping) -> delete(context, mapping));
				create(context, target, streamArn.orElseThrow(), onFailure);
			});
		}
		MappingSettings existing = this.processor.readsQueue() ? MappingSettings.ofQueue(current.get())
				: MappingSettings.of(current.get());
		List<FieldChange> changes = new ArrayList<>();
		desired.fields().forEach((field, value) -> {
			if (!value.equals(existing.fields().get(field))) {
				changes.add(new FieldChange(field, existing.fields().get(field), value));
			}
		});
		String currentTarget = targetOf(current.get(), onAlias, function, aliasArn);
		boolean retarget = !currentTarget.equals(target);
		if (retarget) {
			changes.add(new FieldChange("FunctionName", currentTarget, target));
		}
		stale.forEach((mapping) -> changes.add(new FieldChange("StaleMapping", mapping.eventSourceArn(), null)));
		if (changes.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, function));
		}
		return new StepPlan(ResourceChange.of(TYPE, function, Action.UPDATE, changes), () -> {
			stale.forEach((mapping) -> delete(context, mapping));
			if (retarget || desired.differsFrom(existing)) {
				UpdateEventSourceMappingRequest.Builder request = UpdateEventSourceMappingRequest.builder()
					.uuid(current.get().uuid());
				desired.applyDifferences(existing, options, onFailure, this.processor.maximumConcurrency(), request);
				if (retarget) {
					// Moving the mapping (rather than recreating it) keeps its position in the stream.
					request.functionName(target);
				}
				context.retrier()
					.run("UpdateEventSourceMapping " + function,
							() -> context.clients().lambda().updateEventSourceMapping(request.build()));
				awaitEnabled(context, current.get().uuid());
			}
		});
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		return planRemoval(context, this.processor.name());
	}

	/**
	 * Plan the removal of a processor's mappings, also of a processor no longer in the code.
	 * @param context the run's context
	 * @param processor the processor's name
	 * @return the deletion, or unchanged when there is none
	 */
	public static StepPlan planRemoval(DeployContext context, String processor) {
		String function = context.names().function(processor);
		List<EventSourceMappingConfiguration> mappings = all(context, function,
				list(context.clients().lambda(), AliasStep.aliasArn(context, function)));
		if (mappings.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, function));
		}
		boolean queues = mappings.stream()
			.allMatch((mapping) -> mapping.eventSourceArn() != null
					&& OnFailureDestinations.service(mapping.eventSourceArn()).equals("sqs"));
		String consequence = queues ? "the function stops receiving messages; the queue keeps them for its retention period"
				: "the function stops receiving records; the stream keeps them for 24 hours";
		return new StepPlan(new ResourceChange(TYPE, function, Action.DELETE, List.of(), consequence),
				() -> mappings.forEach((mapping) -> delete(context, mapping)));
	}

	/**
	 * Create the mapping, or adopt one already there on the same function and stream (another
	 * deploy made it meanwhile): Lambda would reject a second one, or, where it does not, every
	 * record would be processed twice.
	 */
	private void create(DeployContext context, String target, String streamArn, @Nullable String onFailure) {
		String uuid = context.retrier().call("CreateEventSourceMapping " + target, () -> {
			Optional<EventSourceMappingConfiguration> existing = existing(context, target, streamArn);
			if (existing.isPresent()) {
				return adopt(context, existing.get());
			}
			try {
				return createNew(context, target, streamArn, onFailure);
			}
			catch (ResourceConflictException ex) {
				return existing(context, target, streamArn).map((mapping) -> adopt(context, mapping)).orElseThrow(() -> ex);
			}
		});
		awaitEnabled(context, uuid);
	}

	private static String adopt(DeployContext context, EventSourceMappingConfiguration mapping) {
		context.progress("  adopted mapping " + mapping.uuid() + " from " + mapping.eventSourceArn()
				+ ", already there (another deploy created it); the next run aligns its settings");
		return mapping.uuid();
	}

	private static Optional<EventSourceMappingConfiguration> existing(DeployContext context, String target,
			String streamArn) {
		return list(context.clients().lambda(), target).stream()
			.filter((mapping) -> streamArn.equals(mapping.eventSourceArn()))
			.findFirst();
	}

	private String createNew(DeployContext context, String target, String streamArn, @Nullable String onFailure) {
		if (this.processor.readsQueue()) {
			return createForQueue(context, target, streamArn);
		}
		ProcessorOptions options = this.processor.options();
		StartingPosition startingPosition = this.processor.startingPosition();
		Assert.state(startingPosition != null, "A stream's mapping has a starting position");
		return context.clients().lambda().createEventSourceMapping((request) -> {
			request.functionName(target)
				.eventSourceArn(streamArn)
				.startingPosition(startingPosition.name())
				.startingPositionTimestamp(this.processor.startingPositionTimestamp())
				.batchSize(options.batchSize())
				.maximumBatchingWindowInSeconds((int) options.maxBatchingWindow().toSeconds())
				.maximumRetryAttempts(options.maxRetryAttempts())
				.maximumRecordAgeInSeconds(options.maxRecordAge().map((age) -> (int) age.toSeconds()).orElse(-1))
				.bisectBatchOnFunctionError(options.bisectOnError())
				.parallelizationFactor(options.parallelizationFactor())
				.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
				.tags(context.tags().forResource("mapping/" + this.processor.name()))
				.enabled(true);
			if (!options.filterPatterns().isEmpty()) {
				request.filterCriteria(MappingSettings.filterCriteria(options));
			}
			if (onFailure != null) {
				request.destinationConfig(MappingSettings.destinationConfig(onFailure));
			}
		}).uuid();
	}

	/**
	 * A queue's mapping: no starting position (a queue has none) and none of the stream
	 * settings, which Lambda rejects for SQS; retries come from the queue's visibility timeout
	 * and end in its dead-letter queue.
	 */
	private String createForQueue(DeployContext context, String target, String queueArn) {
		ProcessorOptions options = this.processor.options();
		Integer maximumConcurrency = this.processor.maximumConcurrency();
		return context.clients().lambda().createEventSourceMapping((request) -> {
			request.functionName(target)
				.eventSourceArn(queueArn)
				.batchSize(options.batchSize())
				.maximumBatchingWindowInSeconds((int) options.maxBatchingWindow().toSeconds())
				.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
				.tags(context.tags().forResource("mapping/" + this.processor.name()))
				.enabled(true);
			if (maximumConcurrency != null) {
				request.scalingConfig(MappingSettings.scalingConfig(maximumConcurrency));
			}
			if (!options.filterPatterns().isEmpty()) {
				request.filterCriteria(MappingSettings.filterCriteria(options));
			}
		}).uuid();
	}

	private String startingAt() {
		return (this.processor.startingPosition() == StartingPosition.AT_TIMESTAMP)
				? StartingPosition.AT_TIMESTAMP + " " + this.processor.startingPositionTimestamp()
				: this.processor.startingPosition().name();
	}

	private static void delete(DeployContext context, EventSourceMappingConfiguration mapping) {
		context.retrier()
			.run("DeleteEventSourceMapping " + mapping.uuid(),
					() -> context.clients().lambda().deleteEventSourceMapping((request) -> request.uuid(mapping.uuid())));
	}

	private static void awaitEnabled(DeployContext context, String uuid) {
		context.retrier()
			.await("event source mapping " + uuid + " to be Enabled",
					() -> "Enabled".equals(context.clients()
						.lambda()
						.getEventSourceMapping((request) -> request.uuid(uuid))
						.state()),
					DeployContext.SETTLE_TIMEOUT);
	}

	/**
	 * The mappings on the function and on its alias, each once.
	 */
	private static List<EventSourceMappingConfiguration> all(DeployContext context, String function,
			List<EventSourceMappingConfiguration> onAlias) {
		Map<String, EventSourceMappingConfiguration> byUuid = new LinkedHashMap<>();
		list(context.clients().lambda(), function).forEach((mapping) -> byUuid.put(mapping.uuid(), mapping));
		onAlias.forEach((mapping) -> byUuid.putIfAbsent(mapping.uuid(), mapping));
		return List.copyOf(byUuid.values());
	}

	/**
	 * What a mapping invokes: the alias or the unqualified function. Lambda reports a mapping on an
	 * alias with the alias ARN; an emulator may report the version it resolved instead, so being
	 * listed under the alias counts too.
	 */
	private static String targetOf(EventSourceMappingConfiguration mapping, List<EventSourceMappingConfiguration> onAlias,
			String function, String aliasArn) {
		boolean listedOnAlias = onAlias.stream().anyMatch((candidate) -> candidate.uuid().equals(mapping.uuid()));
		boolean arnOnAlias = mapping.functionArn() != null && mapping.functionArn().endsWith(":" + AliasStep.ALIAS);
		return (listedOnAlias || arnOnAlias) ? aliasArn : function;
	}

	private static List<EventSourceMappingConfiguration> list(LambdaClient lambda, String function) {
		try {
			return lambda.listEventSourceMappingsPaginator((request) -> request.functionName(function))
				.eventSourceMappings()
				.stream()
				.toList();
		}
		catch (ResourceNotFoundException ex) {
			return List.of();
		}
	}

}
