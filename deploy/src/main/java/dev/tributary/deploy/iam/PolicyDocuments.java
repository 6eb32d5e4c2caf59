package dev.tributary.deploy.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.deploy.resource.OnFailureDestinations;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * The IAM documents of a processor's role: trust for Lambda, and a least-privilege inline
 * policy. Every statement names the exact resource except {@code dynamodb:ListStreams}: the
 * Service Authorization Reference gives it no resource type, so IAM only honours it on
 * {@code *} (scoped to a stream ARN pattern it grants nothing), and Lambda calls it before
 * reading a stream. It reveals stream ARNs, never data.
 *
 * @author Tributary
 */
public final class PolicyDocuments {

	private static final JsonMapper json = JsonMapper.builder().build();

	private PolicyDocuments() {
	}

	/**
	 * Trust policy letting Lambda assume the role.
	 * @return the document
	 */
	public static String trustPolicy() {
		ObjectNode statement = json.createObjectNode();
		statement.put("Effect", "Allow");
		statement.putObject("Principal").put("Service", "lambda.amazonaws.com");
		statement.put("Action", "sts:AssumeRole");
		return document(List.of(statement));
	}

	/**
	 * The inline policy of a processor's role.
	 * @param streamArn the stream the function reads
	 * @param logGroupArn the function's own log group ({@code arn:...:log-group:NAME})
	 * @param onFailureArn the on-failure destination, an SQS queue or SNS topic ARN, or
	 * {@code null} when none is configured
	 * @return the document
	 */
	public static String processorPolicy(String streamArn, String logGroupArn, @Nullable String onFailureArn) {
		Assert.hasText(streamArn, "'streamArn' must not be empty");
		Assert.hasText(logGroupArn, "'logGroupArn' must not be empty");
		List<ObjectNode> statements = new ArrayList<>();
		statements.add(statement("ReadStream",
				List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"), streamArn));
		statements.add(statement("ListStreams", List.of("dynamodb:ListStreams"), "*"));
		statements.add(statement("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
				logGroupArn + ":*"));
		if (onFailureArn != null) {
			statements.add(onFailureStatement(onFailureArn));
		}
		return document(statements);
	}

	/**
	 * The statement letting Lambda send a failed batch's description to its destination: the
	 * one action the destination's service needs, on that destination only.
	 * @param onFailureArn an SQS queue or SNS topic ARN
	 * @return the statement
	 */
	static ObjectNode onFailureStatement(String onFailureArn) {
		return switch (OnFailureDestinations.service(onFailureArn)) {
			case "sns" -> statement("PublishFailedRecords", List.of("sns:Publish"), onFailureArn);
			case "sqs" -> statement("SendFailedRecords", List.of("sqs:SendMessage"), onFailureArn);
			default -> throw new IllegalArgumentException("Not an SQS queue or SNS topic ARN: " + onFailureArn);
		};
	}

	/**
	 * Whether two policy documents say the same, whatever their formatting. IAM returns
	 * documents URL-encoded; both forms are accepted.
	 * @param actual the document read from IAM, or {@code null} when absent
	 * @param desired the desired document
	 * @return whether they are equal as JSON
	 */
	public static boolean same(@Nullable String actual, String desired) {
		if (actual == null) {
			return false;
		}
		String decoded = actual.trim().startsWith("{") ? actual : URLDecoder.decode(actual, StandardCharsets.UTF_8);
		return parse(decoded).equals(parse(desired));
	}

	private static JsonNode parse(String document) {
		return json.readTree(document);
	}

	private static ObjectNode statement(String sid, List<String> actions, String resource) {
		ObjectNode statement = json.createObjectNode();
		statement.put("Sid", sid);
		statement.put("Effect", "Allow");
		if (actions.size() == 1) {
			statement.put("Action", actions.get(0));
		}
		else {
			ArrayNode array = statement.putArray("Action");
			actions.forEach(array::add);
		}
		statement.put("Resource", resource);
		return statement;
	}

	private static String document(List<ObjectNode> statements) {
		ObjectNode document = json.createObjectNode();
		document.put("Version", "2012-10-17");
		ArrayNode array = document.putArray("Statement");
		statements.forEach(array::add);
		return json.writeValueAsString(document);
	}

}
