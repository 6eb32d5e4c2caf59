package dev.tributary.local.shard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.tributary.local.checkpoint.Checkpoint;
import dev.tributary.local.checkpoint.CheckpointStore;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.local.checkpoint.ShardLease;
import dev.tributary.test.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lease rules two instances of a processor follow, over the in-memory store and a clock the
 * test moves: 10 s leases renewed every 3 s.
 */
class ShardLeasesTests {

	private static final Duration DURATION = Duration.ofSeconds(10);

	private static final Duration HEARTBEAT = Duration.ofSeconds(3);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final FlakyStore store = new FlakyStore();

	private final ShardLeases active = leases("active");

	private final ShardLeases standby = leases("standby");

	@Test
	void takesAFreeLease() {
		ShardLease lease = this.active.acquire("shard-1");
		assertThat(lease).isEqualTo(new ShardLease("active", this.clock.instant().plus(DURATION)));
		assertThat(this.active.holds("shard-1")).isTrue();
	}

	@Test
	void refusesALeaseAnotherInstanceHoldsAndNamesTheHolder() {
		this.active.acquire("shard-1");
		this.clock.advance(Duration.ofSeconds(9));
		ShardLease lease = this.standby.acquire("shard-1");
		assertThat(lease.owner()).isEqualTo("active");
		assertThat(this.standby.holds("shard-1")).isFalse();
	}

	@Test
	void takesOverALeaseOnceItHasExpired() {
		this.active.acquire("shard-1");
		this.clock.advance(DURATION);
		assertThat(this.standby.acquire("shard-1").owner()).isEqualTo("standby");
		assertThat(this.active.renew()).containsExactly("shard-1");
		assertThat(this.active.holds("shard-1")).isFalse();
	}

	@Test
	void heartbeatsKeepTheLeasePastItsFirstExpiry() {
		this.active.acquire("shard-1");
		for (int beat = 0; beat < 5; beat++) {
			this.clock.advance(HEARTBEAT);
			assertThat(this.active.renew()).isEmpty();
		}
		assertThat(this.standby.acquire("shard-1").owner()).isEqualTo("active");
		this.clock.advance(DURATION);
		assertThat(this.standby.acquire("shard-1").owner()).isEqualTo("standby");
	}

	@Test
	void aReleasedLeaseIsTakenAtOnce() {
		this.active.acquire("shard-1");
		this.active.release("shard-1");
		assertThat(this.standby.acquire("shard-1").owner()).isEqualTo("standby");
		assertThat(this.active.acquire("shard-1").owner()).isEqualTo("standby");
	}

	@Test
	void releasingALeaseAnotherInstanceTookLeavesItWithThatInstance() {
		this.active.acquire("shard-1");
		this.clock.advance(DURATION);
		this.standby.acquire("shard-1");
		this.active.release("shard-1");
		assertThat(this.leases("third").acquire("shard-1").owner()).isEqualTo("standby");
	}

	@Test
	void keepsReadingThroughAStoreOutageWhileTheLeaseOutlivesTheNextHeartbeat() {
		this.active.acquire("shard-1");
		this.store.failing = true;
		this.clock.advance(HEARTBEAT);
		assertThat(this.active.renew()).isEmpty();
		this.clock.advance(HEARTBEAT);
		assertThat(this.active.renew()).isEmpty();
		this.clock.advance(HEARTBEAT);
		assertThat(this.active.renew()).as("next heartbeat at 12 s, after the expiry at 10 s")
			.containsExactly("shard-1");
		this.store.failing = false;
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.standby.acquire("shard-1").owner()).isEqualTo("standby");
	}

	@Test
	void ownersOfTwoRuntimesInOneProcessDiffer() {
		String one = ShardLeases.newOwner();
		String two = ShardLeases.newOwner();
		assertThat(one).isNotEqualTo(two).contains(":" + ProcessHandle.current().pid() + ":");
	}

	private ShardLeases leases(String owner) {
		return new ShardLeases("processor", this.store, DURATION, HEARTBEAT, this.clock, owner);
	}

	/** The in-memory store, whose lease renewals fail like an unreachable endpoint when asked to. */
	static final class FlakyStore implements CheckpointStore {

		private final InMemoryCheckpointStore delegate = new InMemoryCheckpointStore();

		volatile boolean failing;

		@Override
		public Optional<Checkpoint> find(String processor, String shardId) {
			return this.delegate.find(processor, shardId);
		}

		@Override
		public void save(String processor, String shardId, String sequenceNumber) {
			this.delegate.save(processor, shardId, sequenceNumber);
		}

		@Override
		public void saveStart(String processor, String shardId, Instant startedAt) {
			this.delegate.saveStart(processor, shardId, startedAt);
		}

		@Override
		public void markShardEnded(String processor, String shardId, @Nullable String lastSequenceNumber) {
			this.delegate.markShardEnded(processor, shardId, lastSequenceNumber);
		}

		@Override
		public ShardLease acquireLease(String processor, String shardId, String owner, Instant now,
				Instant expiresAt) {
			return this.delegate.acquireLease(processor, shardId, owner, now, expiresAt);
		}

		@Override
		public boolean renewLease(String processor, String shardId, String owner, Instant expiresAt) {
			if (this.failing) {
				throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
			}
			return this.delegate.renewLease(processor, shardId, owner, expiresAt);
		}

		@Override
		public void releaseLease(String processor, String shardId, String owner) {
			this.delegate.releaseLease(processor, shardId, owner);
		}

	}

}
