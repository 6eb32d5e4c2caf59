package dev.tributary.deploy.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.deploy.resource.DeployedProcessor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * The policy document the role of an application's KCL hosts needs, for the user to attach
 * (deploy does not run hosts): KCL's calls on exactly the processors' lease, coordinator and
 * worker metrics tables (and the lease table's owner index), each processor's stream read as
 * Lambda's poller reads it, and its on-failure destination and target queues, as a function's role
 * has them. No {@code dynamodb:CreateTable}: deploy created the tables.
 *
 * @author Tributary
 */
public final class KclHostPolicyDocument {

	private static final List<String> TABLE_ACTIONS = List.of("dynamodb:DescribeTable", "dynamodb:GetItem",
			"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan", "dynamodb:Query");

	private KclHostPolicyDocument() {
	}

	/**
	 * The document for the processors the hosts run.
	 * @param processors what each processor reads and writes
	 * @return the document
	 */
	public static String of(List<Processor> processors) {
		Assert.notEmpty(processors, "'processors' must not be empty");
		Map<String, ObjectNode> statements = new LinkedHashMap<>();
		ObjectNode tables = PolicyDocuments.statement("KclTables", TABLE_ACTIONS, "*");
		ArrayNode resources = tables.putArray("Resource");
		processors.forEach((processor) -> processor.tableArns().forEach(resources::add));
		processors.forEach((processor) -> resources.add(processor.tableArns().get(0) + "/index/*"));
		statements.put("KclTables", tables);
		for (int i = 0; i < processors.size(); i++) {
			Processor processor = processors.get(i);
			for (ObjectNode statement : PolicyDocuments.readStatements(processor.source(), processor.streamArn())) {
				String sid = statement.get("Sid").asString();
				// Listing is on "*", the same for every processor; reading is on each stream.
				String unique = sid.startsWith("List") ? sid : sid + i;
				statement.put("Sid", unique);
				statements.putIfAbsent(unique, statement);
			}
			if (processor.onFailureArn() != null) {
				ObjectNode statement = PolicyDocuments.onFailureStatement(processor.onFailureArn());
				statement.put("Sid", statement.get("Sid").asString() + i);
				statements.put(statement.get("Sid").asString(), statement);
			}
			if (!processor.targetQueueArns().isEmpty()) {
				ObjectNode send = PolicyDocuments.statement("SendToQueues" + i,
						List.of("sqs:GetQueueUrl", "sqs:SendMessage"), "*");
				ArrayNode queues = send.putArray("Resource");
				processor.targetQueueArns().stream().distinct().sorted().forEach(queues::add);
				statements.put("SendToQueues" + i, send);
			}
		}
		return PolicyDocuments.document(new ArrayList<>(statements.values()));
	}

	/**
	 * What one processor on the KCL runtime reads and writes.
	 *
	 * @param source the kind of stream it reads
	 * @param streamArn the stream's ARN
	 * @param tableArns its KCL tables' ARNs, the lease table first
	 * @param onFailureArn its on-failure destination, or {@code null}
	 * @param targetQueueArns the queues it sends to
	 */
	public record Processor(DeployedProcessor.Source source, String streamArn, List<String> tableArns,
			@Nullable String onFailureArn, List<String> targetQueueArns) {

		public Processor {
			Assert.notNull(source, "'source' must not be null");
			Assert.hasText(streamArn, "'streamArn' must not be empty");
			Assert.notEmpty(tableArns, "'tableArns' must not be empty");
			Assert.notNull(targetQueueArns, "'targetQueueArns' must not be null");
		}

	}

}
