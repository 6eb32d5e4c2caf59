package dev.tributary.deploy.s3;

import java.util.ArrayList;
import java.util.List;
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
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.NotificationConfiguration;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;

import org.springframework.util.Assert;

/**
 * A processor's entry in its bucket's notification configuration: id
 * {@code tributary-<processor>}, the processor's queue, its event types, prefix and suffix. A
 * bucket has one configuration for all its consumers, so deploy reads it, replaces only its own
 * entry and writes it back with every other entry (queues, topics, functions, EventBridge) as it
 * was; destroy removes only its own entry.
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
		Assert.notNull(binding.queue(), "'binding' must deliver through a queue");
		this.processor = processor;
		this.binding = binding;
	}

	static String entryId(String processor) {
		return "tributary-" + processor;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String bucket = this.binding.bucket().name();
		QueueConfiguration desired = desired(context);
		S3Client s3 = context.clients().s3();
		QueueConfiguration current = S3Buckets.exists(s3, bucket) ? findEntry(read(s3, bucket)) : null;
		if (current != null && same(current, desired)) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name()));
		}
		List<FieldChange> fields = List.of(
				new FieldChange("Events", (current != null) ? String.valueOf(current.eventsAsStrings()) : null,
						String.valueOf(desired.eventsAsStrings())),
				new FieldChange("Queue", (current != null) ? current.queueArn() : null, desired.queueArn()),
				new FieldChange("Filter", (current != null) ? rules(current).toString() : null,
						rules(desired).toString()));
		return new StepPlan(ResourceChange.of(TYPE, name(), (current != null) ? Action.UPDATE : Action.CREATE,
				fields.stream().filter((field) -> !Objects.equals(field.from(), field.to())).toList()),
				() -> write(context, desired));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String bucket = this.binding.bucket().name();
		S3Client s3 = context.clients().s3();
		if (!S3Buckets.exists(s3, bucket) || findEntry(read(s3, bucket)) == null) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, name()));
		}
		return new StepPlan(ResourceChange.of(TYPE, name(), Action.DELETE, List.of()), () -> write(context, null));
	}

	private String name() {
		return this.binding.bucket().name() + "/" + entryId(this.processor);
	}

	private QueueConfiguration desired(DeployContext context) {
		List<FilterRule> rules = new ArrayList<>();
		// Lower-case rule names, as the API documents them; empty values are refused.
		if (!this.binding.prefix().isEmpty()) {
			rules.add(FilterRule.builder().name("prefix").value(this.binding.prefix()).build());
		}
		if (!this.binding.suffix().isEmpty()) {
			rules.add(FilterRule.builder().name("suffix").value(this.binding.suffix()).build());
		}
		QueueConfiguration.Builder entry = QueueConfiguration.builder()
			.id(entryId(this.processor))
			.queueArn(context.arn("sqs", this.binding.queue().name()))
			.eventsWithStrings(this.binding.events());
		if (!rules.isEmpty()) {
			entry.filter((filter) -> filter.key((key) -> key.filterRules(rules)));
		}
		return entry.build();
	}

	private GetBucketNotificationConfigurationResponse read(S3Client s3, String bucket) {
		return s3.getBucketNotificationConfiguration((request) -> request.bucket(bucket));
	}

	private QueueConfiguration findEntry(GetBucketNotificationConfigurationResponse configuration) {
		String id = entryId(this.processor);
		return configuration.queueConfigurations().stream().filter((entry) -> id.equals(entry.id())).findFirst()
			.orElse(null);
	}

	/**
	 * Write the bucket's configuration with this processor's entry replaced by {@code entry}, or
	 * removed when it is {@code null}; every other entry stays.
	 */
	private void write(DeployContext context, QueueConfiguration entry) {
		String bucket = this.binding.bucket().name();
		S3Client s3 = context.clients().s3();
		GetBucketNotificationConfigurationResponse current = read(s3, bucket);
		String id = entryId(this.processor);
		List<QueueConfiguration> queues = new ArrayList<>();
		current.queueConfigurations().stream().filter((candidate) -> !id.equals(candidate.id())).forEach(queues::add);
		if (entry != null) {
			queues.add(entry);
		}
		NotificationConfiguration desired = NotificationConfiguration.builder()
			.queueConfigurations(queues)
			.topicConfigurations(current.topicConfigurations())
			.lambdaFunctionConfigurations(current.lambdaFunctionConfigurations())
			.eventBridgeConfiguration(current.eventBridgeConfiguration())
			.build();
		context.retrier().run("PutBucketNotificationConfiguration " + bucket, () -> s3
			.putBucketNotificationConfiguration((request) -> request.bucket(bucket).notificationConfiguration(desired)));
	}

	private static boolean same(QueueConfiguration current, QueueConfiguration desired) {
		return Objects.equals(current.queueArn(), desired.queueArn())
				&& new TreeSet<>(current.eventsAsStrings()).equals(new TreeSet<>(desired.eventsAsStrings()))
				&& rules(current).equals(rules(desired));
	}

	private static Set<String> rules(QueueConfiguration entry) {
		Set<String> rules = new TreeSet<>();
		if (entry.filter() != null && entry.filter().key() != null) {
			entry.filter().key().filterRules().forEach((rule) -> rules.add(rule.nameAsString().toLowerCase() + "="
					+ rule.value()));
		}
		return rules;
	}

}
