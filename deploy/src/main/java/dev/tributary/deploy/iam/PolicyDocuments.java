package dev.tributary.deploy.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.tributary.deploy.resource.DeployedProcessor;
import dev.tributary.deploy.resource.OnFailureDestinations;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * The IAM documents of a processor's role: trust for Lambda, and a least-privilege inline
 * policy. An SQS processor's role reads exactly its queue (receive, delete, change visibility,
 * get attributes: what Lambda's poller calls). Every statement names the exact resource except
 * {@code dynamodb:ListStreams} and
 * {@code kinesis:ListStreams}: the Service Authorization Reference gives neither a resource
 * type (they list the account's streams in a region), so IAM only honours them on {@code *}
 * (scoped to a stream ARN pattern they grant nothing). They reveal stream names and ARNs, never
 * data.
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
	 * The inline policy of the role of a processor reading a DynamoDB table's stream.
	 * @param streamArn the stream the function reads
	 * @param logGroupArn the function's own log group ({@code arn:...:log-group:NAME})
	 * @param onFailureArn the on-failure destination, an SQS queue or SNS topic ARN, or
	 * {@code null} when none is configured
	 * @return the document
	 */
	public static String processorPolicy(String streamArn, String logGroupArn, @Nullable String onFailureArn) {
		return processorPolicy(DeployedProcessor.Source.DYNAMODB_STREAM, streamArn, logGroupArn, onFailureArn);
	}

	/**
	 * The inline policy of a processor's role.
	 * @param source the kind of stream (or queue) the function reads
	 * @param streamArn the stream or queue the function reads
	 * @param logGroupArn the function's own log group ({@code arn:...:log-group:NAME})
	 * @param onFailureArn the on-failure destination, an SQS queue or SNS topic ARN, or
	 * {@code null} when none is configured
	 * @return the document
	 */
	public static String processorPolicy(DeployedProcessor.Source source, String streamArn, String logGroupArn,
			@Nullable String onFailureArn) {
		return processorPolicy(source, streamArn, logGroupArn, onFailureArn, List.of());
	}

	/**
	 * The inline policy of a processor's role.
	 * @param source the kind of stream (or queue) the function reads
	 * @param streamArn the stream or queue the function reads
	 * @param logGroupArn the function's own log group ({@code arn:...:log-group:NAME})
	 * @param onFailureArn the on-failure destination, an SQS queue or SNS topic ARN, or
	 * {@code null} when none is configured
	 * @param targetQueueArns the queues the processor sends to (its {@code sendsTo}), granted
	 * {@code sqs:SendMessage} and {@code sqs:GetQueueUrl} on exactly their ARNs
	 * @return the document
	 */
	public static String processorPolicy(DeployedProcessor.Source source, String streamArn, String logGroupArn,
			@Nullable String onFailureArn, List<String> targetQueueArns) {
		return processorPolicy(source, streamArn, logGroupArn, onFailureArn, targetQueueArns, null);
	}

	/**
	 * The inline policy of a processor's role.
	 * @param source the kind of stream (or queue) the function reads
	 * @param streamArn the stream or queue the function reads
	 * @param logGroupArn the function's own log group ({@code arn:...:log-group:NAME})
	 * @param onFailureArn the on-failure destination, or {@code null} when none is configured
	 * @param targetQueueArns the queues the processor sends to
	 * @param readableObjectsArn the S3 objects the processor reads (granted {@code s3:GetObject}
	 * and {@code s3:GetObjectVersion}), or {@code null} when it reads none
	 * @return the document
	 */
	public static String processorPolicy(DeployedProcessor.Source source, String streamArn, String logGroupArn,
			@Nullable String onFailureArn, List<String> targetQueueArns, @Nullable String readableObjectsArn) {
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(targetQueueArns, "'targetQueueArns' must not be null");
		Assert.hasText(streamArn, "'streamArn' must not be empty");
		Assert.hasText(logGroupArn, "'logGroupArn' must not be empty");
		List<ObjectNode> statements = new ArrayList<>(readStatements(source, streamArn));
		statements.add(statement("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
				logGroupArn + ":*"));
		if (onFailureArn != null) {
			statements.add(onFailureStatement(onFailureArn));
		}
		if (!targetQueueArns.isEmpty()) {
			ObjectNode send = statement("SendToQueues", List.of("sqs:GetQueueUrl", "sqs:SendMessage"),
					targetQueueArns.get(0));
			if (targetQueueArns.size() > 1) {
				ArrayNode resources = send.putArray("Resource");
				targetQueueArns.stream().distinct().sorted().forEach(resources::add);
			}
			statements.add(send);
		}
		if (readableObjectsArn != null) {
			statements.add(statement("ReadObjects", List.of("s3:GetObject", "s3:GetObjectVersion"), readableObjectsArn));
		}
		return document(statements);
	}

	/**
	 * What Lambda's poller calls to read the stream: the read actions on the stream's exact ARN,
	 * and {@code ListStreams} on {@code *}, the only resource IAM honours it on. A queue needs
	 * no listing: the poller reads, deletes and returns messages of the queue's exact ARN.
	 */
	static List<ObjectNode> readStatements(DeployedProcessor.Source source, String streamArn) {
		return switch (source) {
			case DYNAMODB_STREAM -> List.of(
					statement("ReadStream",
							List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"),
							streamArn),
					statement("ListStreams", List.of("dynamodb:ListStreams"), "*"));
			case KINESIS_STREAM -> List.of(
					statement("ReadStream",
							List.of("kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
									"kinesis:GetShardIterator", "kinesis:ListShards"),
							streamArn),
					statement("ListStreams", List.of("kinesis:ListStreams"), "*"));
			case SQS_QUEUE -> List.of(statement("ReadQueue", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage",
					"sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"), streamArn));
			// S3 invokes the function itself: the role reads nothing to be fed.
			case S3_BUCKET -> List.of();
		};
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

	static ObjectNode statement(String sid, List<String> actions, String resource) {
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

	static String document(List<ObjectNode> statements) {
		ObjectNode document = json.createObjectNode();
		document.put("Version", "2012-10-17");
		ArrayNode array = document.putArray("Statement");
		statements.forEach(array::add);
		return json.writeValueAsString(document);
	}

}
