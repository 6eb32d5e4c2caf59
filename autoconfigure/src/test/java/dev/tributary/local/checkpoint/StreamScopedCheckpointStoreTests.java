package dev.tributary.local.checkpoint;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamScopedCheckpointStore}.
 */
class StreamScopedCheckpointStoreTests {

	private static final String ORDERS = "arn:aws:kinesis:us-east-1:000000000000:stream/Orders";

	private static final String EVENTS = "arn:aws:kinesis:us-east-1:000000000000:stream/Events";

	private static final String ITEMS = "arn:aws:dynamodb:us-east-1:000000000000:table/Items/stream/2026-01-01T00:00:00.000";

	private final InMemoryCheckpointStore shared = new InMemoryCheckpointStore();

	@Test
	void keepsTheCheckpointsOfSameNamedProcessorsOnDifferentStreamsApart() {
		CheckpointStore orders = new StreamScopedCheckpointStore(this.shared, () -> ORDERS);
		CheckpointStore events = new StreamScopedCheckpointStore(this.shared, () -> EVENTS);
		orders.save("log", "shardId-000000000000", "200");
		assertThat(events.find("log", "shardId-000000000000")).isEmpty();
		events.save("log", "shardId-000000000000", "100");
		assertThat(orders.find("log", "shardId-000000000000")).map(Checkpoint::sequenceNumber).contains("200");
		assertThat(events.find("log", "shardId-000000000000")).map(Checkpoint::sequenceNumber).contains("100");
	}

	@Test
	void keepsTheLeasesOfSameNamedProcessorsOnDifferentStreamsApart() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		CheckpointStore orders = new StreamScopedCheckpointStore(this.shared, () -> ORDERS);
		CheckpointStore events = new StreamScopedCheckpointStore(this.shared, () -> EVENTS);
		assertThat(orders.acquireLease("log", "shardId-000000000000", "app-a", now, now.plusSeconds(10)).owner())
			.isEqualTo("app-a");
		assertThat(events.acquireLease("log", "shardId-000000000000", "app-b", now, now.plusSeconds(10)).owner())
			.isEqualTo("app-b");
		assertThat(orders.renewLease("log", "shardId-000000000000", "app-a", now.plusSeconds(20))).isTrue();
	}

	@Test
	void readsACheckpointWrittenUnderTheProcessorsNameAloneForADynamoDbStream() {
		this.shared.save("log", "shardId-00000001700000000000-abcdef01", "300");
		CheckpointStore items = new StreamScopedCheckpointStore(this.shared, () -> ITEMS);
		assertThat(items.find("log", "shardId-00000001700000000000-abcdef01")).map(Checkpoint::sequenceNumber)
			.contains("300");
		items.save("log", "shardId-00000001700000000000-abcdef01", "400");
		assertThat(this.shared.find(StreamScopedCheckpointStore.key("log", ITEMS),
				"shardId-00000001700000000000-abcdef01"))
			.map(Checkpoint::sequenceNumber)
			.contains("400");
	}

	@Test
	void doesNotReadAKinesisCheckpointWrittenUnderTheProcessorsNameAloneWhoseStreamIsUnknown() {
		this.shared.save("log", "shardId-000000000000", "300");
		CheckpointStore orders = new StreamScopedCheckpointStore(this.shared, () -> ORDERS);
		assertThat(orders.find("log", "shardId-000000000000")).isEmpty();
	}

	@Test
	void followsAReplacedStream() {
		String[] stream = { ITEMS };
		CheckpointStore items = new StreamScopedCheckpointStore(this.shared, () -> stream[0]);
		items.save("log", "shard-1", "100");
		stream[0] = ITEMS.replace("2026-01-01", "2026-02-01");
		items.save("log", "shard-1", "50");
		assertThat(this.shared.find(StreamScopedCheckpointStore.key("log", stream[0]), "shard-1"))
			.map(Checkpoint::sequenceNumber)
			.contains("50");
	}

}
