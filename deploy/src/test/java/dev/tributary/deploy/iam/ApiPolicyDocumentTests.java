package dev.tributary.deploy.iam;

import java.util.List;

import dev.tributary.HttpApiDefinition;
import dev.tributary.HttpApiDefinition.AccessGrant;
import dev.tributary.HttpApiDefinition.AuthType;
import dev.tributary.HttpApiDefinition.ResourceKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApiPolicyDocument}: the API role's policy, one statement per grant on its exact ARN.
 */
class ApiPolicyDocumentTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void grantsEachDeclaredResourceItsActionsOnItsExactArnAndNothingOnAWildcard() {
		HttpApiDefinition api = new HttpApiDefinition(null, AuthType.AWS_IAM, null,
				List.of(new AccessGrant(ResourceKind.TABLE, "order-lines", "order-lines-prod", List.of("Query")),
						new AccessGrant(ResourceKind.QUEUE, "Orders", "orders-prod.fifo", List.of("SendMessage"))));

		JsonNode policy = json.readTree(ApiPolicyDocument.of(api,
				"arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/shop-prod-api", "eu-west-1", "111122223333"));

		assertThat(policy).isEqualTo(json.readTree("""
				{"Version":"2012-10-17","Statement":[
				{"Sid":"WriteOwnLogs","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],
				 "Resource":"arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/shop-prod-api:*"},
				{"Sid":"TableOrderlines","Effect":"Allow","Action":["dynamodb:Query"],
				 "Resource":"arn:aws:dynamodb:eu-west-1:111122223333:table/order-lines-prod"},
				{"Sid":"QueueOrders","Effect":"Allow","Action":["sqs:SendMessage"],
				 "Resource":"arn:aws:sqs:eu-west-1:111122223333:orders-prod.fifo"}]}"""));
	}

	@Test
	void grantsOnlyTheOwnLogGroupWhenNothingIsDeclared() {
		HttpApiDefinition api = new HttpApiDefinition(null, AuthType.NONE, null, List.of());

		JsonNode policy = json.readTree(ApiPolicyDocument.of(api,
				"arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/shop-dev-api", "us-east-1", "111122223333"));

		assertThat(policy.get("Statement").values()).extracting((statement) -> statement.get("Sid").stringValue())
			.containsExactly("WriteOwnLogs");
	}

}
