package dev.tributary.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.ProcessorDefinition;
import dev.tributary.S3EventBinding;
import dev.tributary.S3ProcessorDefinition;
import dev.tributary.SourceBinding;
import dev.tributary.SqsQueueBinding;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.deploy.dynamodb.TableStep;
import dev.tributary.deploy.iam.RoleStep;
import dev.tributary.deploy.kcl.KclPolicyStep;
import dev.tributary.deploy.kcl.KclTablesStep;
import dev.tributary.deploy.kinesis.StreamStep;
import dev.tributary.deploy.lambda.AliasStep;
import dev.tributary.deploy.lambda.FunctionStep;
import dev.tributary.deploy.lambda.MappingStep;
import dev.tributary.deploy.logs.LogGroupStep;
import dev.tributary.deploy.naming.ResourceNames;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.DeployedProcessor;
import dev.tributary.deploy.resource.OnFailureDestinations;
import dev.tributary.deploy.resource.RemovalStep;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.s3.ArtifactBucketStep;
import dev.tributary.deploy.s3.AsyncInvokeStep;
import dev.tributary.deploy.s3.BucketNotificationStep;
import dev.tributary.deploy.s3.EventBucketStep;
import dev.tributary.deploy.s3.NotificationQueues;
import dev.tributary.deploy.s3.QueuePolicyStep;
import dev.tributary.deploy.s3.S3InvokePermissionStep;
import dev.tributary.deploy.sqs.DeadLetterQueueStep;
import dev.tributary.deploy.sqs.QueueStep;
import dev.tributary.deploy.sqs.SourceQueueStep;

/**
 * The resources of an application in dependency order: tables (with their streams), Kinesis
 * streams, buckets and SQS queues (dead-letter queues before the queues whose redrive policy names
 * them), the notification queues' policies and the buckets' notifications to them first (the
 * role's policy and the mapping need the stream or queue ARN), then per processor, whatever its
 * source, its role, log group, function and mapping (none for a function S3 invokes directly:
 * its permission, retries and notification instead), then the HTTP API's resources
 * ({@link ApiSteps}) when the application has one, and last the resources of
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
		registry.getBuckets().forEach((bucket) -> steps.add(new EventBucketStep(bucket)));
		steps.addAll(deadLetterQueueSteps(registry, context.names()));
		steps.addAll(queueSteps(registry, context.names()));
		// A bucket's notification to a queue needs the queue's policy to let the bucket send.
		s3Processors(registry).forEach((processor) -> {
			S3EventBinding binding = processor.binding();
			SqsQueueDescriptor queue = NotificationQueues.staged(binding, context.names());
			steps.add(new QueuePolicyStep(queue, binding.bucket().name()));
			steps.add(new BucketNotificationStep(processor.name(), binding));
		});
		if (context.artifacts().needBucket()) {
			steps.add(new ArtifactBucketStep());
		}
		// Before the roles and mappings: both need the queue's ARN.
		queueNames(registry).forEach((queue) -> steps.add(new QueueStep(queue)));
		List<DeployedProcessor> onKcl = new ArrayList<>();
		for (DeployedProcessor processor : processors(registry)) {
			if (onKcl(processor, context)) {
				steps.add(new KclTablesStep(processor.name()));
				onKcl.add(processor);
				continue;
			}
			RoleStep role = new RoleStep(processor);
			steps.add(role);
			steps.add(new LogGroupStep(processor.name()));
			steps.add(new FunctionStep(processor.name(), role.roleName(context)));
			if (context.options().snapStart()) {
				steps.add(new AliasStep(processor.name(), role.roleName(context)));
			}
			if (processor.isMapped()) {
				steps.add(new MappingStep(processor));
			}
		}
		if (!onKcl.isEmpty()) {
			steps.add(new KclPolicyStep(onKcl));
		}
		// S3 invoking functions directly: the permission, retries and on-failure queue, then the
		// bucket's notification (S3 checks the permission when the notification is written).
		directS3Processors(registry).forEach((processor) -> {
			steps.add(new S3InvokePermissionStep(processor.name(), processor.binding().bucket().name()));
			steps.add(new AsyncInvokeStep(processor.name()));
			steps.add(new BucketNotificationStep(processor.name(), processor.binding()));
		});
		context.options()
			.api()
			.ifPresentOrElse((api) -> steps.addAll(ApiSteps.forDeploy(api, registry, context)),
					() -> steps.addAll(ApiSteps.forRemoved(context)));
		steps.addAll(forRemoved(registry, context));
		return steps;
	}

	static List<ResourceStep> forDestroy(StreamProcessorRegistry registry, DeployContext context) {
		List<ResourceStep> steps = new ArrayList<>();
		context.options()
			.api()
			.ifPresentOrElse((api) -> steps.addAll(ApiSteps.forDestroy(api, context)),
					() -> steps.addAll(ApiSteps.forRemoved(context)));
		// A bucket stops invoking a function before the function goes.
		directS3Processors(registry)
			.forEach((processor) -> steps.add(new BucketNotificationStep(processor.name(), processor.binding())));
		for (DeployedProcessor processor : processors(registry)) {
			if (onKcl(processor, context)) {
				steps.add(new KclTablesStep(processor.name()));
				continue;
			}
			RoleStep role = new RoleStep(processor);
			if (processor.isMapped()) {
				steps.add(new MappingStep(processor));
			}
			steps.add(new FunctionStep(processor.name(), role.roleName(context)));
			steps.add(role);
			steps.add(new LogGroupStep(processor.name()));
		}
		// Only this app's notification entries and policy statements; the buckets are kept.
		s3Processors(registry).forEach((processor) -> {
			S3EventBinding binding = processor.binding();
			steps.add(new BucketNotificationStep(processor.name(), binding));
			SqsQueueDescriptor queue = NotificationQueues.staged(binding, context.names());
			steps.add(new QueuePolicyStep(queue, binding.bucket().name()));
		});
		registry.getBuckets().forEach((bucket) -> steps.add(new EventBucketStep(bucket)));
		steps.addAll(forRemoved(registry, context));
		queueNames(registry).forEach((queue) -> steps.add(new QueueStep(queue)));
		steps.add(new ArtifactBucketStep());
		registry.getTables().forEach((table) -> steps.add(new TableStep(table, viewType(registry, table))));
		registry.getStreams().forEach((stream) -> steps.add(new StreamStep(stream, readers(registry, stream))));
		// Queues before their dead-letter queues, which are kept while another queue moves messages to them.
		steps.addAll(queueSteps(registry, context.names()));
		steps.addAll(deadLetterQueueSteps(registry, context.names()));
		return steps;
	}

	/**
	 * The SQS queues the processors read or send to, each once, by id; a queue that is another's
	 * dead-letter queue first, since a redrive policy names an existing queue.
	 */
	static List<SqsQueueDescriptor> queues(StreamProcessorRegistry registry, ResourceNames names) {
		Map<String, SqsQueueDescriptor> queues = new TreeMap<>();
		for (SourceBinding binding : registry.getBindings()) {
			if (binding instanceof SqsQueueBinding sqs) {
				queues.putIfAbsent(sqs.queue().id(), sqs.queue());
			}
			if (binding instanceof S3EventBinding s3 && s3.queue() != null) {
				queues.putIfAbsent(s3.queue().id(), NotificationQueues.staged(s3, names));
			}
		}
		for (ProcessorDefinition<?> processor : registry.getProcessors()) {
			processor.options().sendsTo().forEach((queue) -> queues.putIfAbsent(queue.id(), queue));
		}
		Set<String> deadLetterQueues = queues.values()
			.stream()
			.map(SqsQueueDescriptor::deadLetterQueue)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		return queues.values()
			.stream()
			.sorted(Comparator.comparing((SqsQueueDescriptor queue) -> !deadLetterQueues.contains(queue.name())))
			.toList();
	}

	private static List<ResourceStep> queueSteps(StreamProcessorRegistry registry, ResourceNames names) {
		return queues(registry, names).stream()
			.<ResourceStep>map((queue) -> new SourceQueueStep(queue, readers(registry, queue)))
			.toList();
	}

	/**
	 * One step per dead-letter queue, each once; a dead-letter queue that processors read as
	 * well is the step of that queue.
	 */
	private static List<ResourceStep> deadLetterQueueSteps(StreamProcessorRegistry registry, ResourceNames names) {
		List<SqsQueueDescriptor> queues = queues(registry, names);
		Set<String> read = queues.stream().map(SqsQueueDescriptor::name).collect(Collectors.toSet());
		Map<String, Boolean> deadLetterQueues = new LinkedHashMap<>();
		queues.stream()
			.filter((queue) -> queue.deadLetterQueue() != null && !read.contains(queue.deadLetterQueue()))
			.forEach((queue) -> deadLetterQueues.putIfAbsent(queue.deadLetterQueue(), queue.fifo()));
		return deadLetterQueues.entrySet()
			.stream()
			.<ResourceStep>map((entry) -> new DeadLetterQueueStep(entry.getKey(), entry.getValue()))
			.toList();
	}

	/**
	 * The names of the processors reading a queue: SQS processors, and S3 processors whose
	 * notification queue it is.
	 */
	static List<String> readers(StreamProcessorRegistry registry, SqsQueueDescriptor queue) {
		return registry.getProcessors()
			.stream()
			.filter((processor) -> (processor.binding() instanceof SqsQueueBinding sqs
					&& sqs.queue().id().equals(queue.id()))
					|| (processor.binding() instanceof S3EventBinding s3 && s3.queue() != null
							&& s3.queue().id().equals(queue.id())))
			.map(ProcessorDefinition::name)
			.toList();
	}

	/**
	 * The S3 processors S3 invokes directly.
	 */
	static List<S3ProcessorDefinition> directS3Processors(StreamProcessorRegistry registry) {
		return registry.getProcessors(S3ProcessorDefinition.class)
			.stream()
			.filter((processor) -> processor.binding().queue() == null)
			.toList();
	}

	/**
	 * The S3 processors whose notifications go through their queue.
	 */
	static List<S3ProcessorDefinition> s3Processors(StreamProcessorRegistry registry) {
		return registry.getProcessors(S3ProcessorDefinition.class)
			.stream()
			.filter((processor) -> processor.binding().queue() != null)
			.toList();
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
	 * Every processor of the application, DynamoDB, Kinesis and SQS, by name.
	 */
	/**
	 * Whether a processor runs on the KCL hosts instead of a function: a shard processor of an
	 * application on the KCL runtime.
	 */
	private static boolean onKcl(DeployedProcessor processor, DeployContext context) {
		return context.options().kcl() && (processor.source() == DeployedProcessor.Source.DYNAMODB_STREAM
				|| processor.source() == DeployedProcessor.Source.KINESIS_STREAM);
	}

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
