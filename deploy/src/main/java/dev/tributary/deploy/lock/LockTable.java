package dev.tributary.deploy.lock;

import java.time.Duration;

import dev.tributary.deploy.retry.Retrier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The small table holding one lock item per app and stage, created on first use (on-demand
 * billing, so it costs nothing while idle). It is shared by every app and stage of the account
 * and region, so destroy never deletes it.
 *
 * @author Tributary
 */
final class LockTable {

	/** The key attribute: {@code <app>/<stage>}. */
	static final String KEY = "lock";

	private LockTable() {
	}

	static void ensure(DynamoDbClient dynamoDb, Retrier retrier, String table) {
		if (status(dynamoDb, table) == TableStatus.ACTIVE) {
			return;
		}
		try {
			retrier.run("CreateTable " + table, () -> dynamoDb.createTable((request) -> request.tableName(table)
				.billingMode(BillingMode.PAY_PER_REQUEST)
				.keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build())
				.attributeDefinitions(AttributeDefinition.builder()
					.attributeName(KEY)
					.attributeType(ScalarAttributeType.S)
					.build())));
		}
		catch (ResourceInUseException ex) {
			// Another deploy created it at the same moment.
		}
		retrier.await("lock table " + table + " to be ACTIVE", () -> status(dynamoDb, table) == TableStatus.ACTIVE,
				Duration.ofMinutes(2));
	}

	private static TableStatus status(DynamoDbClient dynamoDb, String table) {
		try {
			return dynamoDb.describeTable((request) -> request.tableName(table)).table().tableStatus();
		}
		catch (ResourceNotFoundException ex) {
			return TableStatus.UNKNOWN_TO_SDK_VERSION;
		}
	}

}
