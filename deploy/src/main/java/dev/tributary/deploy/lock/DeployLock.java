package dev.tributary.deploy.lock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tributary.deploy.DeployException;
import dev.tributary.deploy.DeployOutput;
import dev.tributary.deploy.retry.Retrier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import org.springframework.util.Assert;

/**
 * A lock per app and stage, so that two deploys (or destroys) never apply at once: one item
 * in a DynamoDB table, written with a conditional put that only succeeds when no item is
 * there. The loser is told who holds it, since when, and how to break it. A lock older than
 * the stale duration may be broken on request; breaking is a conditional delete naming the
 * holder it read, so two deploys breaking the same stale lock cannot both win.
 *
 * @author Tributary
 */
public final class DeployLock {

	/** Table holding the locks of every app and stage. */
	public static final String TABLE = "tributary-deploy-locks";

	private static final String OWNER = "owner";

	private static final String HOST = "host";

	private static final String STARTED_AT = "startedAt";

	private static final String EXPIRES = "expires";

	private final DynamoDbClient dynamoDb;

	private final Retrier retrier;

	private final DeployOutput output;

	private final Clock clock;

	private final String table;

	/**
	 * Create the lock's client.
	 * @param dynamoDb the DynamoDB client
	 * @param retrier the retrier for transient errors
	 * @param output where breaking a lock is reported
	 * @param clock the clock
	 * @param table the lock table
	 */
	public DeployLock(DynamoDbClient dynamoDb, Retrier retrier, DeployOutput output, Clock clock, String table) {
		Assert.notNull(dynamoDb, "'dynamoDb' must not be null");
		Assert.notNull(retrier, "'retrier' must not be null");
		Assert.notNull(output, "'output' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		Assert.hasText(table, "'table' must not be empty");
		this.dynamoDb = dynamoDb;
		this.retrier = retrier;
		this.output = output;
		this.clock = clock;
		this.table = table;
	}

	/**
	 * Take the lock of an app and stage.
	 * @param app the application
	 * @param stage the stage
	 * @param staleAfter how old a lock must be to be broken
	 * @param breakStale whether to break a lock older than {@code staleAfter}
	 * @return the held lock; close it to release it
	 * @throws DeployException if another deploy holds it
	 */
	public Held acquire(String app, String stage, Duration staleAfter, boolean breakStale) {
		Assert.hasText(app, "'app' must not be empty");
		Assert.hasText(stage, "'stage' must not be empty");
		LockTable.ensure(this.dynamoDb, this.retrier, this.table);
		String key = app + "/" + stage;
		String owner = UUID.randomUUID().toString();
		for (int attempt = 0; attempt < 3; attempt++) {
			Instant now = this.clock.instant();
			if (tryPut(key, owner, now, staleAfter)) {
				return new Held(key, owner);
			}
			Optional<Map<String, AttributeValue>> holder = read(key);
			if (holder.isEmpty()) {
				continue; // released meanwhile
			}
			if (owner.equals(text(holder.get(), OWNER))) {
				return new Held(key, owner); // our own put, retried after a lost response
			}
			Instant since = Instant.parse(text(holder.get(), STARTED_AT));
			Duration age = Duration.between(since, now);
			if (!breakStale) {
				throw new DeployException(held(app, stage, holder.get(), since, age, staleAfter));
			}
			if (age.compareTo(staleAfter) < 0) {
				throw new DeployException("tributary.deploy.break-lock=true refuses to break the lock of app '" + app
						+ "' stage '" + stage + "': it was taken " + age.toSeconds() + " s ago (since " + since
						+ ") by owner " + text(holder.get(), OWNER) + " on " + text(holder.get(), HOST)
						+ ", less than tributary.deploy.lock-stale-after (" + staleAfter
						+ "), so that deploy may still be running. Wait for it, or lower "
						+ "tributary.deploy.lock-stale-after if you know it died");
			}
			breakLock(key, holder.get());
			this.output.println("Broke the stale deploy lock of app '" + app + "' stage '" + stage + "' held since "
					+ since + " by owner " + text(holder.get(), OWNER) + " on " + text(holder.get(), HOST));
		}
		throw new DeployException("Could not take the deploy lock of app '" + app + "' stage '" + stage
				+ "' after 3 attempts: other deploys keep taking it; run again");
	}

	private String held(String app, String stage, Map<String, AttributeValue> holder, Instant since, Duration age,
			Duration staleAfter) {
		return "Another deploy of app '" + app + "' stage '" + stage + "' holds the lock since " + since + " ("
				+ age.toSeconds() + " s ago): owner " + text(holder, OWNER) + " on " + text(holder, HOST)
				+ ". Wait for it to finish and run again. If it died, run again with "
				+ "tributary.deploy.break-lock=true once the lock is older than tributary.deploy.lock-stale-after ("
				+ staleAfter + "), or delete the item '" + app + "/" + stage + "' from the DynamoDB table " + this.table;
	}

	private boolean tryPut(String key, String owner, Instant now, Duration staleAfter) {
		try {
			this.retrier.run("PutItem " + this.table + " " + key,
					() -> this.dynamoDb.putItem((request) -> request.tableName(this.table)
						.item(Map.of(LockTable.KEY, s(key), OWNER, s(owner), HOST, s(host()), STARTED_AT,
								s(now.toString()), EXPIRES,
								AttributeValue.fromN(String.valueOf(now.plus(staleAfter).getEpochSecond()))))
						.conditionExpression("attribute_not_exists(#key)")
						.expressionAttributeNames(Map.of("#key", LockTable.KEY))));
			return true;
		}
		catch (ConditionalCheckFailedException ex) {
			return false;
		}
	}

	private void breakLock(String key, Map<String, AttributeValue> holder) {
		try {
			this.retrier.run("DeleteItem " + this.table + " " + key, () -> this.dynamoDb.deleteItem(
					(request) -> request.tableName(this.table)
						.key(Map.of(LockTable.KEY, s(key)))
						.conditionExpression("#owner = :owner")
						.expressionAttributeNames(Map.of("#owner", OWNER))
						.expressionAttributeValues(Map.of(":owner", holder.get(OWNER)))));
		}
		catch (ConditionalCheckFailedException ex) {
			// Someone else broke or released it first; the next put decides.
		}
	}

	private Optional<Map<String, AttributeValue>> read(String key) {
		Map<String, AttributeValue> item = this.dynamoDb
			.getItem((request) -> request.tableName(this.table).key(Map.of(LockTable.KEY, s(key))).consistentRead(true))
			.item();
		return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(item);
	}

	private static String text(Map<String, AttributeValue> item, String attribute) {
		AttributeValue value = item.get(attribute);
		return (value != null && value.s() != null) ? value.s() : "(unknown)";
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	static String host() {
		String name;
		try {
			name = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			name = "unknown host";
		}
		return name + " (pid " + ProcessHandle.current().pid() + ", user " + System.getProperty("user.name") + ")";
	}

	/**
	 * A lock this run holds; closing it releases it.
	 */
	public final class Held implements AutoCloseable {

		private final String key;

		private final String owner;

		private Held(String key, String owner) {
			this.key = key;
			this.owner = owner;
		}

		/**
		 * Release the lock, unless someone broke it meanwhile (then theirs is left alone).
		 */
		@Override
		public void close() {
			try {
				DeployLock.this.retrier.run("DeleteItem " + DeployLock.this.table + " " + this.key,
						() -> DeployLock.this.dynamoDb.deleteItem((request) -> request.tableName(DeployLock.this.table)
							.key(Map.of(LockTable.KEY, s(this.key)))
							.conditionExpression("#owner = :owner")
							.expressionAttributeNames(Map.of("#owner", OWNER))
							.expressionAttributeValues(Map.of(":owner", s(this.owner)))));
			}
			catch (ConditionalCheckFailedException ex) {
				DeployLock.this.output.println("The deploy lock " + this.key + " was broken by another deploy while "
						+ "this one ran; left theirs in place");
			}
		}

	}

}
