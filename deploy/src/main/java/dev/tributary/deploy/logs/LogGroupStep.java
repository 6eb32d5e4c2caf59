package dev.tributary.deploy.logs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

import org.springframework.util.Assert;

/**
 * A processor's log group, created before the function so that it carries a retention (a group
 * Lambda creates on first write keeps logs forever) and so that the role only needs to write to
 * it, never to create groups.
 *
 * @author Tributary
 */
public final class LogGroupStep implements ResourceStep {

	static final String TYPE = "log-group";

	private final String processor;

	private final String resourceTag;

	/**
	 * Create the step.
	 * @param processor the processor name
	 */
	public LogGroupStep(String processor) {
		this(processor, "log-group/" + processor);
	}

	/**
	 * Create the step for a log group that is not a processor's, such as the API function's.
	 * @param functionId the id in the function's name
	 * @param resourceTag the value of its {@code tributary:resource} tag
	 */
	public LogGroupStep(String functionId, String resourceTag) {
		Assert.hasText(functionId, "'functionId' must not be empty");
		Assert.hasText(resourceTag, "'resourceTag' must not be empty");
		this.processor = functionId;
		this.resourceTag = resourceTag;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String name = context.names().logGroup(this.processor);
		int retention = context.options().logRetentionDays();
		CloudWatchLogsClient logs = context.clients().logs();
		Optional<LogGroup> current = find(logs, name);
		if (current.isEmpty()) {
			return new StepPlan(ResourceChange.of(TYPE, name, Action.CREATE,
					List.of(FieldChange.set("RetentionInDays", retention))), () -> {
						context.retrier()
							.run("CreateLogGroup " + name, () -> logs.createLogGroup((request) -> request.logGroupName(name)
								.tags(context.tags().forResource(this.resourceTag))));
						putRetention(context, name, retention);
					});
		}
		Integer currentRetention = current.get().retentionInDays();
		if (Objects.equals(currentRetention, retention)) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		return new StepPlan(ResourceChange.of(TYPE, name, Action.UPDATE,
				List.of(new FieldChange("RetentionInDays", Objects.toString(currentRetention, "(never expire)"),
						String.valueOf(retention)))),
				() -> putRetention(context, name, retention));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String name = context.names().logGroup(this.processor);
		CloudWatchLogsClient logs = context.clients().logs();
		if (find(logs, name).isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name));
		}
		return new StepPlan(ResourceChange.of(TYPE, name, Action.DELETE, List.of()), () -> context.retrier()
			.run("DeleteLogGroup " + name, () -> logs.deleteLogGroup((request) -> request.logGroupName(name))));
	}

	private static void putRetention(DeployContext context, String name, int retention) {
		context.retrier()
			.run("PutRetentionPolicy " + name, () -> context.clients()
				.logs()
				.putRetentionPolicy((request) -> request.logGroupName(name).retentionInDays(retention)));
	}

	static Optional<LogGroup> find(CloudWatchLogsClient logs, String name) {
		return logs.describeLogGroupsPaginator((request) -> request.logGroupNamePrefix(name))
			.logGroups()
			.stream()
			.filter((group) -> name.equals(group.logGroupName()))
			.findFirst();
	}

}
