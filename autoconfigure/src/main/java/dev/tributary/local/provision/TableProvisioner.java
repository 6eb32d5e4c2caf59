package dev.tributary.local.provision;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.SourceBinding;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.aws.TableRequests;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import org.springframework.util.Assert;

/**
 * Makes sure every table a processor reads exists and has a stream carrying what its processors
 * need: the union of their view types (two processors asking for {@code NEW_IMAGE} and
 * {@code OLD_IMAGE} share {@code NEW_AND_OLD_IMAGES}; each still sees only its own view). A
 * missing table is created (on demand billing), a table without a stream gets one. A stream
 * whose view type is too small is an error: changing it means disabling the stream, which
 * loses its records.
 *
 * @author Tributary
 */
public final class TableProvisioner {

	private static final Log logger = LogFactory.getLog(TableProvisioner.class);

	private final DynamoDbClient client;

	/**
	 * Create a provisioner.
	 * @param client the DynamoDB client
	 */
	public TableProvisioner(DynamoDbClient client) {
		Assert.notNull(client, "'client' must not be null");
		this.client = client;
	}

	/**
	 * Provision every table of the registry.
	 * @param registry the processors
	 * @return the stream ARN of each table, by table id
	 */
	public Map<String, String> provision(StreamProcessorRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		Map<String, StreamViewType> viewTypes = new LinkedHashMap<>();
		for (SourceBinding binding : registry.getBindings()) {
			if (binding instanceof DynamoDbStreamBinding dynamoDb) {
				viewTypes.merge(dynamoDb.table().id(), dynamoDb.options().viewType(), StreamViewType::union);
			}
		}
		Map<String, String> streams = new LinkedHashMap<>();
		for (TableDescriptor table : registry.getTables()) {
			StreamViewType viewType = viewTypes.get(table.id());
			if (viewType != null) {
				streams.put(table.id(), provision(table, viewType));
			}
		}
		return streams;
	}

	/**
	 * Provision one table.
	 * @param table the table
	 * @param viewType the view type its stream must cover
	 * @return the stream's ARN
	 */
	public String provision(TableDescriptor table, StreamViewType viewType) {
		Assert.notNull(table, "'table' must not be null");
		Assert.notNull(viewType, "'viewType' must not be null");
		TableDescription description;
		try {
			description = this.client.describeTable((request) -> request.tableName(table.name())).table();
		}
		catch (ResourceNotFoundException ex) {
			description = create(table, viewType);
		}
		StreamSpecification stream = description.streamSpecification();
		if (stream == null || !Boolean.TRUE.equals(stream.streamEnabled())) {
			this.client.updateTable((request) -> request.tableName(table.name()).streamSpecification(TableRequests.streamEnabled(viewType)));
			logger.info("Enabled the " + viewType + " stream of table '" + table.name() + "'");
		}
		else {
			StreamViewType existing = StreamViewType.valueOf(stream.streamViewTypeAsString());
			if (!existing.covers(viewType)) {
				throw new IllegalStateException("The stream of table '" + table.name() + "' carries " + existing
						+ " but its processors need " + viewType + ". A stream's view type cannot be changed in "
						+ "place: delete the table (locally) or enable a " + viewType + " stream on it");
			}
		}
		this.client.waiter().waitUntilTableExists((request) -> request.tableName(table.name()));
		String arn = this.client.describeTable((request) -> request.tableName(table.name())).table().latestStreamArn();
		Assert.state(arn != null, () -> "Table '" + table.name() + "' has no stream ARN");
		return arn;
	}

	private TableDescription create(TableDescriptor table, StreamViewType viewType) {
		try {
			TableDescription created = this.client.createTable(TableRequests.createTable(table, viewType).build())
				.tableDescription();
			logger.info("Created table '" + table.name() + "' with a " + viewType + " stream");
			return created;
		}
		catch (ResourceInUseException ex) {
			return this.client.describeTable((request) -> request.tableName(table.name())).table();
		}
	}

}
