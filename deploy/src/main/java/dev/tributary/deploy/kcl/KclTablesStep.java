package dev.tributary.deploy.kcl;

import java.util.List;
import java.util.Optional;

import dev.tributary.aws.KclApplicationNames;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import org.springframework.util.Assert;

/**
 * The DynamoDB tables KCL 3 keeps for one processor on the KCL runtime, created as KCL itself
 * would (same keys, the lease owner index, on-demand billing), so that hosts need no
 * {@code dynamodb:CreateTable} or {@code dynamodb:UpdateTable}: the lease table
 * ({@code <app>-<stage>-<processor>}), {@code -CoordinatorState} and {@code -WorkerMetricStats}.
 * Destroy deletes them with {@code tributary.deploy.destroy-tables=true} (they hold positions
 * only), else keeps them.
 *
 * @author Tributary
 */
public final class KclTablesStep implements ResourceStep {

	static final String TYPE = "kcl-tables";

	private static final String LEASE_OWNER_INDEX = "LeaseOwnerToLeaseKeyIndex";

	private final String processor;

	/**
	 * Create the step.
	 * @param processor the processor's name
	 */
	public KclTablesStep(String processor) {
		Assert.hasText(processor, "'processor' must not be empty");
		this.processor = processor;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		String application = applicationName(context);
		List<String> missing = KclApplicationNames.tables(application)
			.stream()
			.filter((table) -> describe(context.clients().dynamoDb(), table).isEmpty())
			.toList();
		if (missing.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, application));
		}
		List<FieldChange> changes = missing.stream().map((table) -> FieldChange.set("Table", table)).toList();
		return new StepPlan(ResourceChange.of(TYPE, application, Action.CREATE, changes),
				() -> missing.forEach((table) -> create(context, application, table)));
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		String application = applicationName(context);
		List<String> present = KclApplicationNames.tables(application)
			.stream()
			.filter((table) -> describe(context.clients().dynamoDb(), table).isPresent())
			.toList();
		if (present.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, application));
		}
		if (!context.options().destroyTables()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, application, Action.UNCHANGED, List.of(),
					"kept with the processor's checkpoints (set tributary.deploy.destroy-tables=true to delete them)"));
		}
		return new StepPlan(new ResourceChange(TYPE, application, Action.DELETE, List.of(),
				"the KCL tables and the checkpoints in them are deleted: hosts started later begin at the "
						+ "processor's starting position"),
				() -> present.forEach((table) -> context.retrier()
					.run("DeleteTable " + table,
							() -> context.clients().dynamoDb().deleteTable((request) -> request.tableName(table)))));
	}

	/**
	 * The processor's KCL application name for this deploy's application and stage.
	 * @param context the deploy
	 * @return the name
	 */
	String applicationName(DeployContext context) {
		return KclApplicationNames.applicationName(context.options().appName(), context.options().stage(),
				this.processor);
	}

	private void create(DeployContext context, String application, String table) {
		List<Tag> tags = context.tags()
			.forResource("kcl/" + this.processor)
			.entrySet()
			.stream()
			.map((tag) -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
			.toList();
		CreateTableRequest.Builder request = CreateTableRequest.builder()
			.tableName(table)
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.tags(tags);
		if (table.equals(application)) {
			request.keySchema(key("leaseKey", KeyType.HASH))
				.attributeDefinitions(attribute("leaseKey"), attribute("leaseOwner"))
				.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
					.indexName(LEASE_OWNER_INDEX)
					.keySchema(key("leaseOwner", KeyType.HASH), key("leaseKey", KeyType.RANGE))
					.projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
					.build());
		}
		else {
			String key = table.endsWith("-CoordinatorState") ? "key" : "wid";
			request.keySchema(key(key, KeyType.HASH)).attributeDefinitions(attribute(key));
		}
		context.retrier().run("CreateTable " + table, () -> context.clients().dynamoDb().createTable(request.build()));
		context.retrier()
			.await("table " + table + " to be ACTIVE", () -> describe(context.clients().dynamoDb(), table)
				.map(TableDescription::tableStatus)
				.filter(TableStatus.ACTIVE::equals)
				.isPresent(), DeployContext.SETTLE_TIMEOUT);
	}

	private static KeySchemaElement key(String name, KeyType type) {
		return KeySchemaElement.builder().attributeName(name).keyType(type).build();
	}

	private static AttributeDefinition attribute(String name) {
		return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
	}

	private static Optional<TableDescription> describe(DynamoDbClient dynamoDb, String table) {
		try {
			return Optional.of(dynamoDb.describeTable((request) -> request.tableName(table)).table());
		}
		catch (ResourceNotFoundException ex) {
			return Optional.empty();
		}
	}

}
