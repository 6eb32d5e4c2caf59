package dev.tributary.deploy.iam;

import dev.tributary.deploy.resource.DeployedProcessor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PolicyDocuments}.
 *
 * @author Tributary
 */
class PolicyDocumentsTests {

	private static final String STREAM = "arn:aws:dynamodb:eu-west-1:123456789012:table/items/stream/2026-01-01T00:00:00.000";

	private static final String LOG_GROUP = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/shop-dev-orders";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anSnsTopicGetsPublishOnThatTopicOnlyAndNoSqsAction() {
		String topic = "arn:aws:sns:eu-west-1:123456789012:order-failures";

		JsonNode policy = this.json.readTree(PolicyDocuments.processorPolicy(STREAM, LOG_GROUP, topic));

		assertThat(statement(policy, "PublishFailedRecords")).isEqualTo(this.json.readTree("""
				{"Sid":"PublishFailedRecords","Effect":"Allow","Action":"sns:Publish","Resource":"%s"}""".formatted(topic)));
		assertThat(policy.toString()).doesNotContain("sqs:");
		assertThat(policy.get("Statement").size()).isEqualTo(4);
	}

	@Test
	void anSqsQueueGetsSendMessageOnThatQueueOnlyAndNoSnsAction() {
		String queue = "arn:aws:sqs:eu-west-1:123456789012:shop-dev-order-failures";

		JsonNode policy = this.json.readTree(PolicyDocuments.processorPolicy(STREAM, LOG_GROUP, queue));

		assertThat(statement(policy, "SendFailedRecords")).isEqualTo(this.json.readTree("""
				{"Sid":"SendFailedRecords","Effect":"Allow","Action":"sqs:SendMessage","Resource":"%s"}""".formatted(queue)));
		assertThat(policy.toString()).doesNotContain("sns:");
	}

	@Test
	void noDestinationMeansNoSendOrPublishStatement() {
		JsonNode policy = this.json.readTree(PolicyDocuments.processorPolicy(STREAM, LOG_GROUP, null));

		assertThat(policy.get("Statement").size()).isEqualTo(3);
		assertThat(policy.toString()).doesNotContain("sqs:", "sns:");
	}

	@Test
	void aKinesisStreamGetsItsReadActionsOnTheExactStreamArnAndOnlyListStreamsOnEverything() {
		String stream = "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks";

		JsonNode policy = this.json.readTree(
				PolicyDocuments.processorPolicy(DeployedProcessor.Source.KINESIS_STREAM, stream, LOG_GROUP, null));

		assertThat(statement(policy, "ReadStream")).isEqualTo(this.json.readTree("""
				{"Sid":"ReadStream","Effect":"Allow","Action":["kinesis:DescribeStream","kinesis:DescribeStreamSummary",
				"kinesis:GetRecords","kinesis:GetShardIterator","kinesis:ListShards"],"Resource":"%s"}""".formatted(stream)));
		assertThat(statement(policy, "ListStreams")).isEqualTo(this.json.readTree("""
				{"Sid":"ListStreams","Effect":"Allow","Action":"kinesis:ListStreams","Resource":"*"}"""));
		assertThat(policy.get("Statement").size()).isEqualTo(3);
		assertThat(policy.toString()).doesNotContain("dynamodb:");
	}

	@Test
	void anSqsQueueProcessorGetsThePollersFourActionsOnTheExactQueueArnAndNothingOnEverything() {
		String queue = "arn:aws:sqs:eu-west-1:123456789012:orders";

		JsonNode policy = this.json
			.readTree(PolicyDocuments.processorPolicy(DeployedProcessor.Source.SQS_QUEUE, queue, LOG_GROUP, null));

		assertThat(statement(policy, "ReadQueue")).isEqualTo(this.json.readTree("""
				{"Sid":"ReadQueue","Effect":"Allow","Action":["sqs:ReceiveMessage","sqs:DeleteMessage",
				"sqs:GetQueueAttributes","sqs:ChangeMessageVisibility"],"Resource":"%s"}""".formatted(queue)));
		assertThat(policy.get("Statement").size()).isEqualTo(2);
		assertThat(policy.toString()).doesNotContain("\"*\"", "dynamodb:", "kinesis:", "sqs:SendMessage");
	}

	private static JsonNode statement(JsonNode policy, String sid) {
		for (JsonNode statement : policy.get("Statement")) {
			if (sid.equals(statement.get("Sid").asString())) {
				return statement;
			}
		}
		throw new AssertionError("No statement " + sid + " in " + policy);
	}

}
