package dev.tributary.local.checkpoint;

import java.time.Instant;

import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lease methods of {@link DynamoDbCheckpointStore}: conditional writes against moto_server,
 * with times the test chooses.
 */
@ExtendWith(MotoServerExtension.class)
class DynamoDbLeaseIntegrationTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private final DynamoDbClient dynamoDb = AwsTestClients.dynamoDb();

	private final DynamoDbCheckpointStore store = new DynamoDbCheckpointStore(this.dynamoDb,
			MotoServerExtension.uniqueName("leases"));

	@AfterEach
	void closeClient() {
		this.dynamoDb.close();
	}

	@Test
	void aFreeLeaseIsTakenAndAHeldOneIsRefusedNamingItsHolder() {
		assertThat(this.store.acquireLease("p", "shard-1", "a", T0, T0.plusSeconds(10)))
			.isEqualTo(new ShardLease("a", T0.plusSeconds(10)));
		assertThat(this.store.acquireLease("p", "shard-1", "b", T0.plusSeconds(9), T0.plusSeconds(19)))
			.isEqualTo(new ShardLease("a", T0.plusSeconds(10)));
		assertThat(this.store.acquireLease("p", "shard-1", "a", T0.plusSeconds(9), T0.plusSeconds(19)))
			.isEqualTo(new ShardLease("a", T0.plusSeconds(19)));
		assertThat(this.store.acquireLease("p", "shard-2", "b", T0, T0.plusSeconds(10)).owner()).isEqualTo("b");
	}

	@Test
	void anExpiredLeaseIsTakenOverAndItsFormerHolderCannotRenewIt() {
		this.store.acquireLease("p", "shard-1", "a", T0, T0.plusSeconds(10));
		assertThat(this.store.renewLease("p", "shard-1", "a", T0.plusSeconds(13))).isTrue();
		assertThat(this.store.acquireLease("p", "shard-1", "b", T0.plusSeconds(12), T0.plusSeconds(22)).owner())
			.isEqualTo("a");
		assertThat(this.store.acquireLease("p", "shard-1", "b", T0.plusSeconds(13), T0.plusSeconds(23)).owner())
			.isEqualTo("b");
		assertThat(this.store.renewLease("p", "shard-1", "a", T0.plusSeconds(24))).isFalse();
		assertThat(this.store.renewLease("p", "shard-1", "b", T0.plusSeconds(24))).isTrue();
	}

	@Test
	void aReleasedLeaseIsFreeAndOnlyItsHolderCanReleaseIt() {
		this.store.acquireLease("p", "shard-1", "a", T0, T0.plusSeconds(10));
		this.store.releaseLease("p", "shard-1", "b");
		assertThat(this.store.acquireLease("p", "shard-1", "b", T0, T0.plusSeconds(10)).owner()).isEqualTo("a");
		this.store.releaseLease("p", "shard-1", "a");
		assertThat(this.store.renewLease("p", "shard-1", "a", T0.plusSeconds(10))).isFalse();
		assertThat(this.store.acquireLease("p", "shard-1", "b", T0, T0.plusSeconds(10)).owner()).isEqualTo("b");
	}

	@Test
	void aLeaseAloneIsNoCheckpointAndLeavesCheckpointsAsTheyWere() {
		this.store.acquireLease("p", "shard-1", "a", T0, T0.plusSeconds(10));
		assertThat(this.store.find("p", "shard-1")).isEmpty();
		this.store.saveStart("p", "shard-1", T0);
		assertThat(this.store.find("p", "shard-1")).contains(new Checkpoint(null, false, T0));
		this.store.save("p", "shard-1", "200");
		this.store.renewLease("p", "shard-1", "a", T0.plusSeconds(20));
		this.store.saveStart("p", "shard-1", T0.plusSeconds(5));
		assertThat(this.store.find("p", "shard-1")).contains(new Checkpoint("200", false, T0));
		this.store.releaseLease("p", "shard-1", "a");
		assertThat(this.store.find("p", "shard-1")).contains(new Checkpoint("200", false, T0));
	}

}
