package dev.tributary.deploy.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.aws.TableRequests;
import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.plan.Action;
import dev.tributary.deploy.plan.FieldChange;
import dev.tributary.deploy.plan.ResourceChange;
import dev.tributary.deploy.resource.DeployContext;
import dev.tributary.deploy.resource.ForeignMappings;
import dev.tributary.deploy.resource.ResourceStep;
import dev.tributary.deploy.resource.StepPlan;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

import org.springframework.util.Assert;

/**
 * A processor's table and its stream. Creates the table when absent (on-demand billing, keys
 * from the model), enables the stream when off, and replaces the stream when its view type does
 * not cover what the table's processors need. A stream whose view type covers theirs is kept: it
 * may have other consumers.
 *
 * @author Tributary
 */
public final class TableStep implements ResourceStep {

	static final String TYPE = "table";

	private final TableDescriptor table;

	private final StreamViewType viewType;

	/**
	 * Create the step.
	 * @param table the table
	 * @param viewType the smallest view type covering every processor of the table
	 */
	public TableStep(TableDescriptor table, StreamViewType viewType) {
		Assert.notNull(table, "'table' must not be null");
		Assert.notNull(viewType, "'viewType' must not be null");
		this.table = table;
		this.viewType = viewType;
	}

	@Override
	public StepPlan plan(DeployContext context) {
		Optional<TableDescription> current = describe(context.clients().dynamoDb());
		if (current.isEmpty()) {
			context.streamArn(this.table.id(), null);
			return new StepPlan(ResourceChange.of(TYPE, this.table.name(), Action.CREATE,
					List.of(FieldChange.set("KeySchema", keySchema()), FieldChange.set("StreamViewType", this.viewType),
							FieldChange.set("BillingMode", BillingMode.PAY_PER_REQUEST))),
					() -> create(context));
		}
		StreamSpecification stream = current.get().streamSpecification();
		if (stream == null || !Boolean.TRUE.equals(stream.streamEnabled())) {
			context.streamArn(this.table.id(), null);
			return new StepPlan(ResourceChange.of(TYPE, this.table.name(), Action.UPDATE,
					List.of(new FieldChange("StreamViewType", "(stream disabled)", this.viewType.name()))),
					() -> enableStream(context));
		}
		StreamViewType existing = StreamViewType.valueOf(stream.streamViewTypeAsString());
		if (existing.covers(this.viewType)) {
			context.streamArn(this.table.id(), current.get().latestStreamArn());
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, this.table.name()));
		}
		context.streamArn(this.table.id(), null);
		return new StepPlan(new ResourceChange(TYPE, this.table.name(), Action.REPLACE,
				List.of(new FieldChange("StreamViewType", existing.name(), this.viewType.name())),
				"the stream is disabled and a new one enabled: its ARN changes (" + current.get().latestStreamArn()
						+ " is retired), the event source mapping is recreated on the new stream, and records "
						+ "written while the stream is switched are never delivered (a gap for the consumer)"),
				() -> {
					context.progress("  disabling stream of " + this.table.name());
					updateStream(context, StreamSpecification.builder().streamEnabled(false).build());
					enableStream(context);
				});
	}

	@Override
	public StepPlan planDestroy(DeployContext context) {
		Optional<TableDescription> current = describe(context.clients().dynamoDb());
		if (current.isEmpty()) {
			return StepPlan.unchanged(ResourceChange.unchanged(TYPE, this.table.name()));
		}
		if (!context.options().destroyTables()) {
			return StepPlan.unchanged(new ResourceChange(TYPE, this.table.name(), Action.UNCHANGED, List.of(),
					"kept with its items (set tributary.deploy.destroy-tables=true to delete it)"));
		}
		Map<String, String> tags = context.clients()
			.dynamoDb()
			.listTagsOfResource((request) -> request.resourceArn(current.get().tableArn()))
			.tags()
			.stream()
			.collect(Collectors.toMap(Tag::key, Tag::value));
		if (!context.tags().isManaged(tags)) {
			return StepPlan.unchanged(new ResourceChange(TYPE, this.table.name(), Action.UNCHANGED, List.of(),
					"kept: it was not created by Tributary for this app and stage"));
		}
		List<String> readers = ForeignMappings.readingTable(context, current.get().tableArn());
		if (!readers.isEmpty()) {
			throw new DeployException("tributary.deploy.destroy-tables=true refuses to delete table '"
					+ this.table.name() + "': other stages or apps read its stream: " + String.join(", ", readers)
					+ ". Nothing was destroyed. Destroy them first, or run destroy with "
					+ "tributary.deploy.destroy-tables=false to keep the table");
		}
		return new StepPlan(new ResourceChange(TYPE, this.table.name(), Action.DELETE, List.of(),
				"the table, its stream and all its items are deleted"),
				() -> context.retrier()
					.run("DeleteTable " + this.table.name(),
							() -> context.clients().dynamoDb().deleteTable((request) -> request.tableName(this.table.name()))));
	}

	private void create(DeployContext context) {
		List<Tag> tags = context.tags()
			.forResource("table/" + this.table.id())
			.entrySet()
			.stream()
			.map((tag) -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
			.toList();
		context.retrier()
			.run("CreateTable " + this.table.name(), () -> context.clients()
				.dynamoDb()
				.createTable(TableRequests.createTable(this.table, this.viewType).tags(tags).build()));
		awaitStream(context);
	}

	private void enableStream(DeployContext context) {
		updateStream(context, enabled());
		awaitStream(context);
	}

	private void updateStream(DeployContext context, StreamSpecification specification) {
		context.retrier()
			.run("UpdateTable " + this.table.name(), () -> context.clients()
				.dynamoDb()
				.updateTable((request) -> request.tableName(this.table.name()).streamSpecification(specification)));
		awaitActive(context);
	}

	private void awaitStream(DeployContext context) {
		awaitActive(context);
		TableDescription description = describe(context.clients().dynamoDb()).orElseThrow();
		context.streamArn(this.table.id(), description.latestStreamArn());
	}

	private void awaitActive(DeployContext context) {
		context.retrier()
			.await("table " + this.table.name() + " to be ACTIVE",
					() -> describe(context.clients().dynamoDb()).map(TableDescription::tableStatus)
						.filter(TableStatus.ACTIVE::equals)
						.isPresent(),
					DeployContext.SETTLE_TIMEOUT);
	}

	private StreamSpecification enabled() {
		return TableRequests.streamEnabled(this.viewType);
	}

	private Optional<TableDescription> describe(DynamoDbClient dynamoDb) {
		try {
			return Optional.of(dynamoDb.describeTable((request) -> request.tableName(this.table.name())).table());
		}
		catch (ResourceNotFoundException ex) {
			return Optional.empty();
		}
	}

	private String keySchema() {
		return this.table.partitionKey().name() + " (" + this.table.partitionKey().type() + ")"
				+ this.table.findSortKey().map((key) -> ", " + key.name() + " (" + key.type() + ")").orElse("");
	}

}
