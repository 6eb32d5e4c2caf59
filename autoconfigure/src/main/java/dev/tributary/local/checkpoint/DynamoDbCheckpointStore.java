package dev.tributary.local.checkpoint;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import org.springframework.util.Assert;

/**
 * {@link CheckpointStore} in a DynamoDB table, created on first use, so positions survive
 * restarts. One item per processor and shard ({@code processor} partition key, {@code shardId}
 * sort key). Writes are conditional, so a position never goes backwards even when two
 * instances of the application overlap during a restart.
 * <p>
 * The same item holds the shard's lease: {@code leaseOwner} and {@code leaseExpiresAt} (epoch
 * milliseconds), taken, renewed and released with conditional writes, so two instances never
 * both hold it.
 * <p>
 * Sequence numbers are decimal strings of varying length; they are stored left-padded with
 * zeros in {@code position} so that DynamoDB's string comparison orders them numerically.
 *
 * @author Tributary
 */
public final class DynamoDbCheckpointStore implements CheckpointStore {

	private static final Log logger = LogFactory.getLog(DynamoDbCheckpointStore.class);

	private static final int POSITION_WIDTH = 64;

	private final DynamoDbClient client;

	private final String tableName;

	private volatile boolean tableReady;

	/**
	 * Create a store.
	 * @param client the client of the table's account and region
	 * @param tableName the table, created on first use when absent
	 */
	public DynamoDbCheckpointStore(DynamoDbClient client, String tableName) {
		Assert.notNull(client, "'client' must not be null");
		Assert.hasText(tableName, "'tableName' must not be empty");
		this.client = client;
		this.tableName = tableName;
	}

	/**
	 * Name of the table holding the checkpoints.
	 * @return the table name
	 */
	public String getTableName() {
		return this.tableName;
	}

	@Override
	public Optional<Checkpoint> find(String processor, String shardId) {
		ensureTable();
		Map<String, AttributeValue> item;
		try {
			item = this.client
				.getItem((request) -> request.tableName(this.tableName).key(key(processor, shardId)).consistentRead(true))
				.item();
		}
		catch (ResourceNotFoundException ex) {
			throw tableGone(ex);
		}
		if (item == null || item.isEmpty()) {
			return Optional.empty();
		}
		AttributeValue sequenceNumber = item.get("sequenceNumber");
		AttributeValue ended = item.get("shardEnded");
		AttributeValue startedAt = item.get("startedAt");
		if (sequenceNumber == null && ended == null && startedAt == null) {
			// Only a lease: nobody has read the shard yet.
			return Optional.empty();
		}
		return Optional.of(new Checkpoint((sequenceNumber != null) ? sequenceNumber.s() : null,
				ended != null && Boolean.TRUE.equals(ended.bool()),
				(startedAt != null) ? Instant.parse(startedAt.s()) : null));
	}

	@Override
	public void save(String processor, String shardId, String sequenceNumber) {
		Assert.hasText(sequenceNumber, "'sequenceNumber' must not be empty");
		ensureTable();
		try {
			this.client.updateItem((request) -> request.tableName(this.tableName)
				.key(key(processor, shardId))
				.updateExpression("SET sequenceNumber = :s, #p = :p")
				.conditionExpression("attribute_not_exists(#p) OR #p <= :p")
				.expressionAttributeNames(Map.of("#p", "position"))
				.expressionAttributeValues(Map.of(":s", AttributeValue.fromS(sequenceNumber), ":p",
						AttributeValue.fromS(pad(sequenceNumber)))));
		}
		catch (ConditionalCheckFailedException ex) {
			logger.debug("Checkpoint of processor '" + processor + "' in shard " + shardId
					+ " is already past " + sequenceNumber + "; left in place");
		}
		catch (ResourceNotFoundException ex) {
			throw tableGone(ex);
		}
	}

	@Override
	public void saveStart(String processor, String shardId, Instant startedAt) {
		ensureTable();
		try {
			this.client.updateItem((request) -> request.tableName(this.tableName)
				.key(key(processor, shardId))
				.updateExpression("SET startedAt = :t")
				.conditionExpression(
						"attribute_not_exists(sequenceNumber) AND attribute_not_exists(startedAt) AND attribute_not_exists(shardEnded)")
				.expressionAttributeValues(Map.of(":t", AttributeValue.fromS(startedAt.toString()))));
		}
		catch (ConditionalCheckFailedException ex) {
			logger.debug("Processor '" + processor + "' already has a checkpoint in shard " + shardId
					+ "; start time left out");
		}
		catch (ResourceNotFoundException ex) {
			throw tableGone(ex);
		}
	}

	@Override
	public void markShardEnded(String processor, String shardId, @Nullable String lastSequenceNumber) {
		if (lastSequenceNumber != null) {
			save(processor, shardId, lastSequenceNumber);
		}
		ensureTable();
		try {
			this.client.updateItem((request) -> request.tableName(this.tableName)
				.key(key(processor, shardId))
				.updateExpression("SET shardEnded = :e")
				.expressionAttributeValues(Map.of(":e", AttributeValue.fromBool(true))));
		}
		catch (ResourceNotFoundException ex) {
			throw tableGone(ex);
		}
	}

	/**
	 * The table went away after it was checked (an emulator restart loses it): the next call
	 * creates it again, and the caller tries again.
	 */
	private ResourceNotFoundException tableGone(ResourceNotFoundException ex) {
		if (this.tableReady) {
			this.tableReady = false;
			logger.warn("Checkpoint table '" + this.tableName + "' is gone (" + ex.getMessage() + "); it is created "
					+ "again on the next call. Positions stored in it are lost: readers keep the positions they hold");
		}
		return ex;
	}

	@Override
	public ShardLease acquireLease(String processor, String shardId, String owner, Instant now, Instant expiresAt) {
		ensureTable();
		try {
			this.client.updateItem((request) -> request.tableName(this.tableName)
				.key(key(processor, shardId))
				.updateExpression("SET leaseOwner = :o, leaseExpiresAt = :e")
				.conditionExpression("attribute_not_exists(leaseOwner) OR leaseOwner = :o OR leaseExpiresAt <= :now")
				.expressionAttributeValues(Map.of(":o", AttributeValue.fromS(owner), ":e", millis(expiresAt), ":now",
						millis(now))));
			return new ShardLease(owner, expiresAt);
		}
		catch (ConditionalCheckFailedException ex) {
			Map<String, AttributeValue> item = this.client
				.getItem((request) -> request.tableName(this.tableName)
					.key(key(processor, shardId))
					.consistentRead(true))
				.item();
			AttributeValue holder = (item != null) ? item.get("leaseOwner") : null;
			AttributeValue until = (item != null) ? item.get("leaseExpiresAt") : null;
			if (holder == null || until == null) {
				// Released since: free for the next attempt, not ours for now.
				return new ShardLease("(released)", now);
			}
			return new ShardLease(holder.s(), Instant.ofEpochMilli(Long.parseLong(until.n())));
		}
	}

	@Override
	public boolean renewLease(String processor, String shardId, String owner, Instant expiresAt) {
		ensureTable();
		try {
			this.client.updateItem((request) -> request.tableName(this.tableName)
				.key(key(processor, shardId))
				.updateExpression("SET leaseExpiresAt = :e")
				.conditionExpression("leaseOwner = :o")
				.expressionAttributeValues(Map.of(":o", AttributeValue.fromS(owner), ":e", millis(expiresAt))));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			return false;
		}
	}

	@Override
	public void releaseLease(String processor, String shardId, String owner) {
		ensureTable();
		try {
			this.client.updateItem((request) -> request.tableName(this.tableName)
				.key(key(processor, shardId))
				.updateExpression("REMOVE leaseOwner, leaseExpiresAt")
				.conditionExpression("leaseOwner = :o")
				.expressionAttributeValues(Map.of(":o", AttributeValue.fromS(owner))));
		}
		catch (ConditionalCheckFailedException ex) {
			logger.debug("Lease of processor '" + processor + "' on shard " + shardId + " was no longer held by "
					+ owner + "; nothing to release");
		}
	}

	private static AttributeValue millis(Instant instant) {
		return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
	}

	private void ensureTable() {
		if (this.tableReady) {
			return;
		}
		synchronized (this) {
			if (this.tableReady) {
				return;
			}
			try {
				this.client.describeTable((request) -> request.tableName(this.tableName));
			}
			catch (ResourceNotFoundException ex) {
				createTable();
			}
			this.client.waiter().waitUntilTableExists((request) -> request.tableName(this.tableName));
			this.tableReady = true;
		}
	}

	private void createTable() {
		try {
			this.client.createTable((request) -> request.tableName(this.tableName)
				.billingMode(BillingMode.PAY_PER_REQUEST)
				.attributeDefinitions(attribute("processor"), attribute("shardId"))
				.keySchema(KeySchemaElement.builder().attributeName("processor").keyType(KeyType.HASH).build(),
						KeySchemaElement.builder().attributeName("shardId").keyType(KeyType.RANGE).build()));
			logger.info("Created checkpoint table '" + this.tableName + "'");
		}
		catch (ResourceInUseException ex) {
			// Another instance created it at the same time: fine, it has the same schema.
		}
	}

	private static AttributeDefinition attribute(String name) {
		return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
	}

	private static Map<String, AttributeValue> key(String processor, String shardId) {
		Map<String, AttributeValue> key = new HashMap<>();
		key.put("processor", AttributeValue.fromS(processor));
		key.put("shardId", AttributeValue.fromS(shardId));
		return key;
	}

	static String pad(String sequenceNumber) {
		if (sequenceNumber.length() >= POSITION_WIDTH) {
			return sequenceNumber;
		}
		return "0".repeat(POSITION_WIDTH - sequenceNumber.length()) + sequenceNumber;
	}

}
