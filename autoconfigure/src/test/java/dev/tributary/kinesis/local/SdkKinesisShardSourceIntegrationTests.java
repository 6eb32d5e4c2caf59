package dev.tributary.kinesis.local;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tributary.kinesis.KinesisDataRecord;
import dev.tributary.local.stream.ShardInfo;
import dev.tributary.local.stream.ShardPage;
import dev.tributary.local.stream.ShardPosition;
import dev.tributary.test.AwsTestClients;
import dev.tributary.test.MotoServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.HashKeyRange;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(MotoServerExtension.class)
class SdkKinesisShardSourceIntegrationTests {

	private KinesisClient kinesis;

	private SdkKinesisShardSource source;

	private String streamName;

	private String streamArn;

	@BeforeEach
	void createStream() {
		this.kinesis = AwsTestClients.kinesis();
		this.source = new SdkKinesisShardSource(this.kinesis);
		this.streamName = "events-" + UUID.randomUUID();
		this.kinesis.createStream((request) -> request.streamName(this.streamName).shardCount(2));
		await().until(() -> this.kinesis.describeStreamSummary((request) -> request.streamName(this.streamName))
			.streamDescriptionSummary()
			.streamStatus() == StreamStatus.ACTIVE);
		this.streamArn = this.kinesis.describeStreamSummary((request) -> request.streamName(this.streamName))
			.streamDescriptionSummary()
			.streamARN();
	}

	@AfterEach
	void deleteStream() {
		this.kinesis.deleteStream((request) -> request.streamName(this.streamName));
		this.kinesis.close();
	}

	@Test
	void readsEveryRecordOfEveryShardWithItsShardAndStream() {
		for (int i = 0; i < 20; i++) {
			put("key-" + i, "payload-" + i);
		}
		List<ShardInfo> shards = this.source.listShards(this.streamArn);
		assertThat(shards).hasSize(2).allSatisfy((shard) -> assertThat(shard.isClosed()).isFalse());
		List<KinesisDataRecord> all = new ArrayList<>();
		for (ShardInfo shard : shards) {
			List<KinesisDataRecord> records = readAll(shard.shardId(), ShardPosition.trimHorizon());
			assertThat(records).allSatisfy((record) -> {
				assertThat(record.shardId()).isEqualTo(shard.shardId());
				assertThat(record.eventSourceArn()).isEqualTo(this.streamArn);
				assertThat(record.approximateArrivalTimestamp()).isNotNull();
			});
			all.addAll(records);
		}
		assertThat(all).extracting((record) -> new String(record.data(), StandardCharsets.UTF_8))
			.hasSize(20)
			.contains("payload-0", "payload-19");
		assertThat(all).filteredOn((record) -> record.partitionKey().equals("key-7"))
			.singleElement()
			.satisfies((record) -> assertThat(new String(record.data(), StandardCharsets.UTF_8)).isEqualTo("payload-7"));
	}

	@Test
	void resumesAfterASequenceNumberAndStartsAtATime() {
		String shardId = put("k", "first");
		put("k", "second");
		List<KinesisDataRecord> both = readAll(shardId, ShardPosition.trimHorizon());
		assertThat(readAll(shardId, ShardPosition.after(both.get(0).sequenceNumber())))
			.extracting((record) -> new String(record.data(), StandardCharsets.UTF_8))
			.containsExactly("second");
		assertThat(readAll(shardId, ShardPosition.at(both.get(1).sequenceNumber()))).hasSize(1);
		assertThat(readAll(shardId, ShardPosition.atTimestamp(Instant.now().plusSeconds(60)))).isEmpty();
		assertThat(readAll(shardId, ShardPosition.atTimestamp(Instant.EPOCH))).hasSize(2);
		assertThat(readAll(shardId, ShardPosition.latest())).isEmpty();
	}

	@Test
	void listsTheParentOfShardsSplitFromIt() {
		String parentId = put("before-split", "old");
		HashKeyRange range = this.kinesis.listShards((request) -> request.streamName(this.streamName))
			.shards()
			.stream()
			.filter((shard) -> shard.shardId().equals(parentId))
			.findFirst()
			.orElseThrow()
			.hashKeyRange();
		String middle = new BigInteger(range.startingHashKey()).add(new BigInteger(range.endingHashKey()))
			.shiftRight(1)
			.toString();
		this.kinesis.splitShard((request) -> request.streamName(this.streamName)
			.shardToSplit(parentId)
			.newStartingHashKey(middle));
		await().until(() -> this.source.listShards(this.streamArn).size() == 4);
		List<ShardInfo> shards = this.source.listShards(this.streamArn);
		assertThat(shards).filteredOn((shard) -> shard.shardId().equals(parentId))
			.singleElement()
			.satisfies((parent) -> assertThat(parent.isClosed()).isTrue());
		assertThat(shards).filteredOn((shard) -> parentId.equals(shard.parentShardId()))
			.hasSize(2)
			.allSatisfy((child) -> assertThat(child.isClosed()).isFalse());
		assertThat(readAll(parentId, ShardPosition.trimHorizon()))
			.extracting((record) -> new String(record.data(), StandardCharsets.UTF_8))
			.containsExactly("old");
	}

	private String put(String partitionKey, String payload) {
		return this.kinesis.putRecord((request) -> request.streamName(this.streamName)
			.partitionKey(partitionKey)
			.data(SdkBytes.fromUtf8String(payload))).shardId();
	}

	private List<KinesisDataRecord> readAll(String shardId, ShardPosition position) {
		List<KinesisDataRecord> records = new ArrayList<>();
		String iterator = this.source.iterator(this.streamArn, shardId, position);
		for (int i = 0; i < 5 && iterator != null; i++) {
			ShardPage<KinesisDataRecord> page = this.source.read(this.streamArn, shardId, iterator, 1000);
			records.addAll(page.records());
			iterator = page.nextShardIterator();
			if (page.records().isEmpty()) {
				break;
			}
		}
		return records;
	}

}
