package dev.tributary.deploy;

import java.util.ArrayList;
import java.util.List;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.ProcessorDefinition;
import dev.tributary.SourceBinding;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.deploy.dynamodb.TableStep;
import dev.tributary.deploy.iam.RoleStep;
import dev.tributary.deploy.kinesis.StreamStep;
import dev.tributary.deploy.lambda.AliasStep;
import dev.tributary.deploy.lambda.FunctionStep;
import dev.tributary.deploy.lambda.MappingStep;
import dev.tributary.deploy.logs.LogGroupStep;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.DeployedProcessor;
import dev.tributary.deploy.resource.OnFailureDestinations;
import dev.tributary.deploy.resource.RemovalStep;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.s3.ArtifactBucketStep;
import dev.tributary.deploy.sqs.QueueStep;

/**
 * The resources of an application in dependency order: tables (with their streams) and Kinesis
 * streams first (the role's policy and the mapping need the stream ARN), then per processor,
 * whatever its source, its role, log group, function and mapping, and last the resources of
 * processors removed from the code, deleted. Destroy walks the same resources the other way
 * round.
 *
 * @author Tributary
 */
final class DeploySteps {

	private DeploySteps() {
	}

	static List<ResourceStep> forDeploy(StreamProcessorRegistry registry, DeployContext context) {
		List<ResourceStep> steps = new ArrayList<>();
		registry.getTables().forEach((table) -> steps.add(new TableStep(table, viewType(registry, table))));
		registry.getStreams().forEach((stream) -> steps.add(new StreamStep(stream, readers(registry, stream))));
		if (context.usesBucket()) {
			steps.add(new ArtifactBucketStep());
		}
		// Before the roles and mappings: both need the queue's ARN.
		queueNames(registry).forEach((queue) -> steps.add(new QueueStep(queue)));
		for (DeployedProcessor processor : processors(registry)) {
			RoleStep role = new RoleStep(processor);
			steps.add(role);
			steps.add(new LogGroupStep(processor.name()));
			steps.add(new FunctionStep(processor.name(), role.roleName(context)));
			if (context.options().snapStart()) {
				steps.add(new AliasStep(processor.name(), role.roleName(context)));
			}
			steps.add(new MappingStep(processor));
		}
		steps.addAll(forRemoved(registry, context));
		return steps;
	}

	static List<ResourceStep> forDestroy(StreamProcessorRegistry registry, DeployContext context) {
		List<ResourceStep> steps = new ArrayList<>();
		for (DeployedProcessor processor : processors(registry)) {
			RoleStep role = new RoleStep(processor);
			steps.add(new MappingStep(processor));
			steps.add(new FunctionStep(processor.name(), role.roleName(context)));
			steps.add(role);
			steps.add(new LogGroupStep(processor.name()));
		}
		steps.addAll(forRemoved(registry, context));
		queueNames(registry).forEach((queue) -> steps.add(new QueueStep(queue)));
		steps.add(new ArtifactBucketStep());
		registry.getTables().forEach((table) -> steps.add(new TableStep(table, viewType(registry, table))));
		registry.getStreams().forEach((stream) -> steps.add(new StreamStep(stream, readers(registry, stream))));
		return steps;
	}

	/**
	 * The names of the Kinesis processors reading a stream.
	 */
	static List<String> readers(StreamProcessorRegistry registry, KinesisStreamDescriptor stream) {
		return registry.getProcessors()
			.stream()
			.filter((processor) -> processor.binding() instanceof KinesisStreamBinding kinesis
					&& kinesis.stream().id().equals(stream.id()))
			.map(ProcessorDefinition::name)
			.toList();
	}

	/**
	 * Every processor of the application, DynamoDB and Kinesis, by name.
	 */
	static List<DeployedProcessor> processors(StreamProcessorRegistry registry) {
		return registry.getProcessors().stream().map(DeployedProcessor::of).toList();
	}

	/**
	 * The resources of processors no longer in the code, to delete: mapping first (it stops
	 * invoking old code), then function, role and log group.
	 */
	static List<ResourceStep> forRemoved(StreamProcessorRegistry registry, DeployContext context) {
		List<ResourceStep> steps = new ArrayList<>();
		for (String removed : RemovedProcessors.find(registry, context)) {
			String roleName = context.names().role(removed, context.region());
			steps.add(new RemovalStep(removed, (ctx) -> MappingStep.planRemoval(ctx, removed)));
			steps.add(new RemovalStep(removed, new FunctionStep(removed, roleName)::planDestroy));
			steps.add(new RemovalStep(removed, (ctx) -> RoleStep.planRemoval(ctx, removed)));
			steps.add(new RemovalStep(removed, new LogGroupStep(removed)::planDestroy));
		}
		return steps;
	}

	/**
	 * The on-failure queues given by name, each once (deploy makes them per stage); ARNs are
	 * used as they are.
	 */
	static List<String> queueNames(StreamProcessorRegistry registry) {
		List<DeployedProcessor> processors = processors(registry);
		processors.forEach((processor) -> processor.options()
			.onFailureDestination()
			.ifPresent((destination) -> OnFailureDestinations.validate(processor.name(), destination)));
		return processors.stream()
			.flatMap((processor) -> processor.options().onFailureDestination().stream())
			.filter((destination) -> !DeployContext.isArn(destination))
			.distinct()
			.toList();
	}

	/**
	 * The smallest view type giving every processor of a table what it needs.
	 */
	static StreamViewType viewType(StreamProcessorRegistry registry, TableDescriptor table) {
		StreamViewType viewType = StreamViewType.KEYS_ONLY;
		for (SourceBinding binding : registry.getBindings()) {
			if (binding instanceof DynamoDbStreamBinding dynamoDb && dynamoDb.table().id().equals(table.id())) {
				viewType = viewType.union(dynamoDb.options().viewType());
			}
		}
		return viewType;
	}

}
