package dev.tributary.local.shard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.checkpoint.ShardLease;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The leases one processor of this instance holds on its shards: takes a lease only when it is
 * free, expired or already ours, renews held ones on each heartbeat, and says which were lost:
 * taken by another instance, or not renewed in time because the store could not be reached (the
 * lease may then expire before the next attempt, and another instance may take the shard).
 *
 * @author Tributary
 */
final class ShardLeases {

	private static final Log logger = LogFactory.getLog(ShardLeases.class);

	private final String processor;

	private final CheckpointStore store;

	private final Duration duration;

	private final Duration heartbeat;

	private final Clock clock;

	private final String owner;

	/** Held leases and when each expires unless renewed. */
	private final Map<String, Instant> held = new ConcurrentHashMap<>();

	ShardLeases(String processor, CheckpointStore store, Duration duration, Duration heartbeat, Clock clock,
			String owner) {
		this.processor = processor;
		this.store = store;
		this.duration = duration;
		this.heartbeat = heartbeat;
		this.clock = clock;
		this.owner = owner;
	}

	/**
	 * A new owner id, unique to this runtime: host, process id and a random part, so that two
	 * runtimes in one JVM are two owners and a restarted process is a new one.
	 * @return the owner id
	 */
	static String newOwner() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		byte[] random = new byte[4];
		ThreadLocalRandom.current().nextBytes(random);
		return host + ":" + ProcessHandle.current().pid() + ":" + HexFormat.of().formatHex(random);
	}

	String owner() {
		return this.owner;
	}

	boolean holds(String shardId) {
		return this.held.containsKey(shardId);
	}

	/**
	 * Take a shard's lease if it is free, expired or ours.
	 * @param shardId the shard
	 * @return the lease after the attempt: ours when taken, the holder's otherwise
	 */
	ShardLease acquire(String shardId) {
		Instant now = this.clock.instant();
		ShardLease lease = this.store.acquireLease(this.processor, shardId, this.owner, now, now.plus(this.duration));
		if (lease.isHeldBy(this.owner)) {
			this.held.put(shardId, lease.expiresAt());
		}
		return lease;
	}

	/**
	 * Renew every held lease.
	 * @return the shards whose lease was lost, and which must no longer be read
	 */
	List<String> renew() {
		List<String> lost = new ArrayList<>();
		for (Map.Entry<String, Instant> lease : this.held.entrySet()) {
			String shardId = lease.getKey();
			Instant now = this.clock.instant();
			Instant expiresAt = now.plus(this.duration);
			try {
				if (this.store.renewLease(this.processor, shardId, this.owner, expiresAt)) {
					this.held.replace(shardId, expiresAt);
				}
				else if (this.held.remove(shardId) != null) {
					// (Not when it was released meanwhile: then the shard is done with anyway.)
					lost.add(shardId);
					logger.warn("Processor '" + this.processor + "' lost the lease of shard " + shardId
							+ " to another instance; it stops reading the shard at once");
				}
			}
			catch (RuntimeException ex) {
				if (now.plus(this.heartbeat).isBefore(lease.getValue())) {
					logger.debug("Processor '" + this.processor + "' could not renew the lease of shard " + shardId
							+ " (valid until " + lease.getValue() + "); trying again on the next heartbeat", ex);
				}
				else {
					this.held.remove(shardId);
					lost.add(shardId);
					logger.warn("Processor '" + this.processor + "' could not renew the lease of shard " + shardId
							+ " before it expires at " + lease.getValue() + " (" + ex + "); it stops reading the shard, "
							+ "which another instance may now take over");
				}
			}
		}
		return lost;
	}

	/**
	 * Give up a shard's lease, so that another instance can take it at once.
	 * @param shardId the shard
	 */
	void release(String shardId) {
		if (this.held.remove(shardId) != null) {
			try {
				this.store.releaseLease(this.processor, shardId, this.owner);
			}
			catch (RuntimeException ex) {
				logger.warn("Processor '" + this.processor + "' could not release the lease of shard " + shardId
						+ " (" + ex + "); another instance takes the shard over when it expires");
			}
		}
	}

	/**
	 * Give up every held lease.
	 */
	void releaseAll() {
		List.copyOf(this.held.keySet()).forEach(this::release);
	}

}
