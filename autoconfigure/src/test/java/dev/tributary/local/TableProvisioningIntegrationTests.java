package dev.tributary.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import dev.tributary.local.checkpoint.Checkpoint;
import dev.tributary.local.checkpoint.DynamoDbCheckpointStore;
import dev.tributary.local.checkpoint.InMemoryCheckpointStore;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tables, streams and checkpoints the local runtime creates in moto_server.
 */
@ExtendWith(MotoServerExtension.class)
class TableProvisioningIntegrationTests {

	@RegisterExtension
	final LocalRuntimeFixture fixture = new LocalRuntimeFixture();

	@Test
	void createsATableWhoseStreamCoversEveryProcessorWhileEachSeesOnlyItsOwnView() {
		TableDescriptor table = this.fixture.newTable("shared");
		List<StreamRecord<?>> newOnly = LocalRuntimeFixture.synchronizedList();
		List<StreamRecord<?>> oldOnly = LocalRuntimeFixture.synchronizedList();
		DynamoDbStreamOptions source = new DynamoDbStreamOptions(StreamViewType.KEYS_ONLY, StartingPosition.TRIM_HORIZON);
		ProcessorOptions options = ProcessorOptions.defaults();
		this.fixture.start(new InMemoryCheckpointStore(),
				LocalRuntimeFixture.processor("newOnly", table, source.withViewType(StreamViewType.NEW_IMAGE), options,
						StreamProcessors.forEach(newOnly::add)),
				LocalRuntimeFixture.processor("oldOnly", table, source.withViewType(StreamViewType.OLD_IMAGE), options,
						StreamProcessors.forEach(oldOnly::add)));
		assertThat(this.fixture.dynamoDb.describeTable((request) -> request.tableName(table.name()))
			.table()
			.streamSpecification()
			.streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
		this.fixture.put(table, "a", "first");
		this.fixture.put(table, "a", "second");
		await().atMost(Duration.ofSeconds(10)).until(() -> newOnly.size() == 2 && oldOnly.size() == 2);
		assertThat(newOnly.get(1).newImageAttributes()).containsKey("content");
		assertThat(newOnly.get(1).oldImageAttributes()).isEmpty();
		assertThat(oldOnly.get(1).oldImageAttributes()).containsKey("content");
		assertThat(oldOnly.get(1).newImageAttributes()).isEmpty();
	}

	@Test
	void neverMovesADynamoDbCheckpointBackwards() {
		DynamoDbCheckpointStore store = new DynamoDbCheckpointStore(this.fixture.dynamoDb,
				MotoServerExtension.uniqueName("checkpoints"));
		assertThat(store.find("p", "shard-1")).isEmpty();
		store.save("p", "shard-1", "900");
		store.save("p", "shard-1", "1000");
		store.save("p", "shard-1", "950");
		assertThat(store.find("p", "shard-1")).hasValueSatisfying((checkpoint) -> {
			assertThat(checkpoint.sequenceNumber()).isEqualTo("1000");
			assertThat(checkpoint.shardEnded()).isFalse();
		});
		store.markShardEnded("p", "shard-1", "1200");
		assertThat(store.find("p", "shard-1")).hasValueSatisfying((checkpoint) -> {
			assertThat(checkpoint.sequenceNumber()).isEqualTo("1200");
			assertThat(checkpoint.shardEnded()).isTrue();
		});
	}

	@Test
	void keepsTheFirstStartTimeOfADynamoDbCheckpointOnly() {
		DynamoDbCheckpointStore store = new DynamoDbCheckpointStore(this.fixture.dynamoDb,
				MotoServerExtension.uniqueName("checkpoints"));
		Instant started = Instant.parse("2026-11-25T12:00:00.250Z");
		store.saveStart("p", "shard-1", started);
		store.saveStart("p", "shard-1", started.plusSeconds(60));
		assertThat(store.find("p", "shard-1")).contains(new Checkpoint(null, false, started));
		store.save("p", "shard-1", "900");
		assertThat(store.find("p", "shard-1")).contains(new Checkpoint("900", false, started));
		store.saveStart("p", "shard-2", started);
		store.save("p", "shard-3", "100");
		store.saveStart("p", "shard-3", started);
		assertThat(store.find("p", "shard-3")).contains(new Checkpoint("100", false, null));
	}

}
