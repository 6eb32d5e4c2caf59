package dev.tributary.deploy.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.tributary.S3EventBinding;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

import org.springframework.util.Assert;

/**
 * A processor's entry in its bucket's notification configuration: its id is the processor's
 * function name ({@code <app>-<stage>-<processor>}), so that stages and apps sharing a bucket
 * never take each other's entry; its target the stage's notification queue (or, delivered
 * directly, the function); its event types, prefix and suffix. A bucket has one configuration
 * for all its consumers, so deploy reads it, replaces only its own entry and writes it back with
 * every other entry (queues, topics, functions, EventBridge) as it was; destroy removes only its
 * own entry.
 *
 * @author Tributary
 */
public final class BucketNotificationStep implements ResourceStep {

	static final String TYPE = "notification";

	private final String processor;

	private final S3EventBinding binding;

	/**
	 * Create the step.
	 * @param processor the processor's name
	 * @param binding what it reads, with its notification queue
	 */
	public BucketNotificationStep(String processor, S3EventBinding binding) {
		Assert.hasText(processor, "'processor' must not be empty");
		Assert.notNull(binding, "'binding' must not be null");
		this.processor = processor;
		this.binding = binding;
	}

	/**
	 * The entry's id: the processor's function name, which names the app and the stage, so that
	 * two stages (or apps) on one bucket never take each other's entry.
	 */
	private String entryId(DeployContext context) {
		return context.names().function(this.processor);
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String bucket = this.binding.bucket().name();
		Entry desired = desired(context);
		S3Client s3 = context.clients().s3();
		Entry current = S3Buckets.exists(s3, bucket) ? findEntry(context, read(s3, bucket)) : null;
		if (desired.equals(current)) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name(context)));
		}
		List<FieldChange> fields = List.of(
				new FieldChange("Events", (current != null) ? String.valueOf(current.events()) : null,
						String.valueOf(desired.events())),
				new FieldChange("Target", (current != null) ? current.target() : null, desired.target()),
				new FieldChange("Filter", (current != null) ? current.rules().toString() : null,
						desired.rules().toString()));
		return new StepPlan(ResourceChange.of(TYPE, name(context), (current != null) ? Action.UPDATE : Action.CREATE,
				fields.stream().filter((field) -> !Objects.equals(field.from(), field.to())).toList()),
				() -> write(context, desired));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String bucket = this.binding.bucket().name();
		S3Client s3 = context.clients().s3();
		if (!S3Buckets.exists(s3, bucket) || findEntry(context, read(s3, bucket)) == null) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name(context)));
		}
		return new StepPlan(ResourceChange.of(TYPE, name(context), Action.DELETE, List.of()), () -> write(context, null));
	}

	private String name(DeployContext context) {
		return this.binding.bucket().name() + "/" + entryId(context);
	}

	private Entry desired(DeployContext context) {
		Set<String> rules = new TreeSet<>();
		// Lower-case rule names, as the API documents them; empty values are refused.
		if (!this.binding.prefix().isEmpty()) {
			rules.add("prefix=" + this.binding.prefix());
		}
		if (!this.binding.suffix().isEmpty()) {
			rules.add("suffix=" + this.binding.suffix());
		}
		String target = (this.binding.queue() != null)
				? context.arn("sqs", NotificationQueues.staged(this.binding, context.names()).name())
				: context.arn("lambda", "function:" + context.names().function(this.processor));
		return new Entry(target, new TreeSet<>(this.binding.events()), rules);
	}

	private GetBucketNotificationConfigurationResponse read(S3Client s3, String bucket) {
		return s3.getBucketNotificationConfiguration((request) -> request.bucket(bucket));
	}

	private @Nullable Entry findEntry(DeployContext context,
			GetBucketNotificationConfigurationResponse configuration) {
		String id = entryId(context);
		for (QueueConfiguration entry : configuration.queueConfigurations()) {
			if (id.equals(entry.id())) {
				return new Entry(entry.queueArn(), new TreeSet<>(entry.eventsAsStrings()), rules(entry.filter()));
			}
		}
		for (LambdaFunctionConfiguration entry : configuration.lambdaFunctionConfigurations()) {
			if (id.equals(entry.id())) {
				return new Entry(entry.lambdaFunctionArn(), new TreeSet<>(entry.eventsAsStrings()),
						rules(entry.filter()));
			}
		}
		return null;
	}

	/**
	 * Write the bucket's configuration with this processor's entry replaced by {@code entry}, or
	 * removed when it is {@code null}; every other entry stays.
	 */
	private void write(DeployContext context, @Nullable Entry entry) {
		String bucket = this.binding.bucket().name();
		S3Client s3 = context.clients().s3();
		GetBucketNotificationConfigurationResponse current = read(s3, bucket);
		String id = entryId(context);
		List<QueueConfiguration> queues = new ArrayList<>();
		current.queueConfigurations().stream().filter((candidate) -> !id.equals(candidate.id())).forEach(queues::add);
		List<LambdaFunctionConfiguration> functions = new ArrayList<>();
		current.lambdaFunctionConfigurations()
			.stream()
			.filter((candidate) -> !id.equals(candidate.id()))
			.forEach(functions::add);
		if (entry != null && this.binding.queue() != null) {
			queues.add(QueueConfiguration.builder()
				.id(id)
				.queueArn(entry.target())
				.eventsWithStrings(entry.events())
				.filter(filter(entry))
				.build());
		}
		else if (entry != null) {
			functions.add(LambdaFunctionConfiguration.builder()
				.id(id)
				.lambdaFunctionArn(entry.target())
				.eventsWithStrings(entry.events())
				.filter(filter(entry))
				.build());
		}
		NotificationConfiguration desired = NotificationConfiguration.builder()
			.queueConfigurations(queues)
			.topicConfigurations(current.topicConfigurations())
			.lambdaFunctionConfigurations(functions)
			.eventBridgeConfiguration(current.eventBridgeConfiguration())
			.build();
		context.retrier().run("PutBucketNotificationConfiguration " + bucket, () -> s3
			.putBucketNotificationConfiguration((request) -> request.bucket(bucket).notificationConfiguration(desired)));
	}

	private static @Nullable NotificationConfigurationFilter filter(Entry entry) {
		if (entry.rules().isEmpty()) {
			return null;
		}
		List<FilterRule> rules = entry.rules().stream().map((rule) -> {
			int equals = rule.indexOf('=');
			return FilterRule.builder().name(rule.substring(0, equals)).value(rule.substring(equals + 1)).build();
		}).toList();
		return NotificationConfigurationFilter.builder().key((key) -> key.filterRules(rules)).build();
	}

	private static Set<String> rules(@Nullable NotificationConfigurationFilter filter) {
		Set<String> rules = new TreeSet<>();
		if (filter != null && filter.key() != null) {
			filter.key().filterRules().forEach((rule) -> rules.add(rule.nameAsString().toLowerCase(Locale.ROOT) + "="
					+ rule.value()));
		}
		return rules;
	}

	/**
	 * An entry as deploy compares it: where it sends, which events, which key filter rules.
	 */
	private record Entry(String target, Set<String> events, Set<String> rules) {
	}

}
