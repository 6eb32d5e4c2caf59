package dev.tributary.deploy.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tributary.SqsQueueDescriptor;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * The statement of a notification queue's policy that lets exactly one bucket send to it: S3 as
 * the principal, {@code sqs:SendMessage} on the queue's ARN, on the condition that the source is
 * that bucket ({@code aws:SourceArn}) in this account ({@code aws:SourceAccount}). Deploy adds or
 * corrects its own statement (its {@code Sid} names the bucket) and keeps every other statement
 * of the policy; destroy removes only its own.
 *
 * @author Tributary
 */
public final class QueuePolicyStep implements ResourceStep {

	static final String TYPE = "queue-policy";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final SqsQueueDescriptor queue;

	private final String bucket;

	/**
	 * Create the step.
	 * @param queue the notification queue
	 * @param bucket the name of the bucket that sends to it
	 */
	public QueuePolicyStep(SqsQueueDescriptor queue, String bucket) {
		Assert.notNull(queue, "'queue' must not be null");
		Assert.hasText(bucket, "'bucket' must not be empty");
		this.queue = queue;
		this.bucket = bucket;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		ObjectNode desired = statement(context);
		Optional<String> url = url(context);
		String policy = url.map((found) -> currentPolicy(context, found)).orElse(null);
		ObjectNode current = (policy != null) ? (ObjectNode) json.readTree(policy) : null;
		JsonNode existing = (current != null) ? find(current, sid()) : null;
		if (desired.equals(existing)) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, this.queue.name()));
		}
		List<FieldChange> changes = List.of(new FieldChange("Allows", (existing != null) ? "another statement" : null,
				"s3.amazonaws.com to send from arn:aws:s3:::" + this.bucket));
		return new StepPlan(ResourceChange.of(TYPE, this.queue.name(), (existing != null) ? Action.UPDATE
				: Action.CREATE, changes), () -> apply(context, desired));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		Optional<String> url = url(context);
		String policy = url.map((found) -> currentPolicy(context, found)).orElse(null);
		if (policy == null || find((ObjectNode) json.readTree(policy), sid()) == null) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, this.queue.name()));
		}
		return new StepPlan(ResourceChange.of(TYPE, this.queue.name(), Action.DELETE, List.of()), () -> {
			ObjectNode document = (ObjectNode) json.readTree(currentPolicy(context, url.get()));
			ArrayNode kept = without(document, sid());
			SqsClient sqs = context.clients().sqs();
			String value = kept.isEmpty() ? "" : json.writeValueAsString(document.set("Statement", kept));
			context.retrier().run("SetQueueAttributes " + this.queue.name(), () -> sqs.setQueueAttributes(
					(request) -> request.queueUrl(url.get()).attributesWithStrings(Map.of("Policy", value))));
		});
	}

	private String sid() {
		return "TributaryS3" + this.bucket.replaceAll("[^A-Za-z0-9]", "");
	}

	private ObjectNode statement(DeployContext context) {
		ObjectNode statement = json.createObjectNode();
		statement.put("Sid", sid());
		statement.put("Effect", "Allow");
		statement.putObject("Principal").put("Service", "s3.amazonaws.com");
		statement.put("Action", "sqs:SendMessage");
		statement.put("Resource", context.arn("sqs", this.queue.name()));
		ObjectNode condition = statement.putObject("Condition");
		condition.putObject("ArnEquals").put("aws:SourceArn", "arn:aws:s3:::" + this.bucket);
		condition.putObject("StringEquals").put("aws:SourceAccount", context.accountId());
		return statement;
	}

	private void apply(DeployContext context, ObjectNode desired) {
		String url = url(context).orElseThrow(() -> new IllegalStateException("Queue " + this.queue.name()
				+ " should exist by now: its step comes first"));
		String policy = currentPolicy(context, url);
		ObjectNode document = (policy != null) ? (ObjectNode) json.readTree(policy) : json.createObjectNode();
		if (!document.has("Version")) {
			document.put("Version", "2012-10-17");
		}
		ArrayNode statements = without(document, sid());
		statements.add(desired);
		document.set("Statement", statements);
		String value = json.writeValueAsString(document);
		context.retrier().run("SetQueueAttributes " + this.queue.name(), () -> context.clients()
			.sqs()
			.setQueueAttributes((request) -> request.queueUrl(url).attributesWithStrings(Map.of("Policy", value))));
	}

	private Optional<String> url(DeployContext context) {
		try {
			return Optional.of(context.clients().sqs().getQueueUrl((request) -> request.queueName(this.queue.name()))
				.queueUrl());
		}
		catch (QueueDoesNotExistException ex) {
			return Optional.empty();
		}
	}

	private static String currentPolicy(DeployContext context, String url) {
		String policy = context.clients()
			.sqs()
			.getQueueAttributes((request) -> request.queueUrl(url).attributeNames(QueueAttributeName.POLICY))
			.attributesAsStrings()
			.get("Policy");
		return (policy == null || policy.isBlank()) ? null : policy;
	}

	private static JsonNode find(ObjectNode document, String sid) {
		JsonNode statements = document.get("Statement");
		if (statements == null || !statements.isArray()) {
			return null;
		}
		for (JsonNode statement : statements) {
			JsonNode candidate = statement.get("Sid");
			if (candidate != null && sid.equals(candidate.asString())) {
				return statement;
			}
		}
		return null;
	}

	private static ArrayNode without(ObjectNode document, String sid) {
		ArrayNode kept = json.createArrayNode();
		JsonNode statements = document.get("Statement");
		if (statements != null && statements.isArray()) {
			List<JsonNode> others = new ArrayList<>();
			statements.forEach((statement) -> {
				JsonNode candidate = statement.get("Sid");
				if (candidate == null || !sid.equals(candidate.asString())) {
					others.add(statement);
				}
			});
			others.forEach(kept::add);
		}
		return kept;
	}

}
