package dev.tributary.deploy.iam;

import java.util.List;

import dev.tributary.HttpApiDefinition.AccessGrant;
import dev.tributary.HttpApiDefinition.ResourceKind;
import dev.tributary.HttpApiDefinition;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inline policy of the API function's role: writing its own log group, and exactly the
 * actions the application declares ({@code tributary.api.access.*}), each grant on its
 * resource's exact ARN. Nothing is granted on {@code *}.
 *
 * @author Tributary
 */
public final class ApiPolicyDocument {

	/** Name of the API role's inline policy. */
	public static final String POLICY_NAME = "tributary-http-api";

	private static final JsonMapper json = JsonMapper.builder().build();

	private ApiPolicyDocument() {
	}

	/**
	 * The policy document.
	 * @param api the API's declaration
	 * @param logGroupArn the ARN of the API function's log group
	 * @param region the region of the tables and queues
	 * @param accountId their account
	 * @return the document
	 */
	public static String of(HttpApiDefinition api, String logGroupArn, String region, String accountId) {
		ObjectNode document = json.createObjectNode();
		document.put("Version", "2012-10-17");
		ArrayNode statements = document.putArray("Statement");
		statements.add(statement("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
				logGroupArn + ":*"));
		for (AccessGrant grant : api.access()) {
			statements.add(statement(sid(grant), grant.iamActions(), arn(grant, region, accountId)));
		}
		return json.writeValueAsString(document);
	}

	/**
	 * The exact ARN of a granted resource.
	 * @param grant the grant
	 * @param region the resource's region
	 * @param accountId the resource's account
	 * @return the ARN
	 */
	public static String arn(AccessGrant grant, String region, String accountId) {
		return (grant.kind() == ResourceKind.TABLE)
				? "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + grant.name()
				: "arn:aws:sqs:" + region + ":" + accountId + ":" + grant.name();
	}

	private static String sid(AccessGrant grant) {
		String kind = (grant.kind() == ResourceKind.TABLE) ? "Table" : "Queue";
		// A statement id is letters and digits only.
		return kind + capitalize(grant.id().replaceAll("[^A-Za-z0-9]", ""));
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static ObjectNode statement(String sid, List<String> actions, String resource) {
		ObjectNode statement = json.createObjectNode();
		statement.put("Sid", sid);
		statement.put("Effect", "Allow");
		ArrayNode array = statement.putArray("Action");
		actions.forEach(array::add);
		statement.put("Resource", resource);
		return statement;
	}

}
