package dev.tributary.local.shard;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tributary.dynamodb.local.ShardRecords;
import dev.tributary.dynamodb.local.StreamClient;
import dev.tributary.local.stream.ShardInfo;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * A scripted stream, for unit tests of what moto cannot show: several shards with lineage,
 * closed shards, expired iterators, trimmed records and throttling. Iterators are
 * {@code shardId@index}; records of a shard have sequence numbers given by the test.
 */
final class FakeStreamClient implements StreamClient {

	private final Map<String, ShardInfo> shards = new LinkedHashMap<>();

	private final Map<String, List<Record>> records = new LinkedHashMap<>();

	private final Map<String, Integer> trimmed = new LinkedHashMap<>();

	private final Deque<RuntimeException> getRecordsFailures = new ArrayDeque<>();

	private @Nullable Instant createdAt;

	private final Deque<RuntimeException> listShardsFailures = new ArrayDeque<>();

	private final Deque<RuntimeException> getShardIteratorFailures = new ArrayDeque<>();

	private @Nullable RuntimeException outage;

	private @Nullable String latestStreamArn;

	final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

	final List<Long> getRecordsTimes = java.util.Collections.synchronizedList(new ArrayList<>());

	synchronized FakeStreamClient shard(String shardId, @Nullable String parent, boolean closed, String... ids) {
		List<Record> shardRecords = new ArrayList<>();
		for (String id : ids) {
			shardRecords.add(record(id, this.createdAt));
		}
		this.records.put(shardId, shardRecords);
		String ending = closed ? ((ids.length > 0) ? sequenceNumber(ids[ids.length - 1]) : "0") : null;
		this.shards.put(shardId, new ShardInfo(shardId, parent, ending));
		return this;
	}

	/** Give records of shards added from now on this approximate creation time. */
	synchronized FakeStreamClient createdAt(Instant createdAt) {
		this.createdAt = createdAt;
		return this;
	}

	/** Add records to the end of a shard, as writes to the table do. */
	synchronized void append(String shardId, String... ids) {
		for (String id : ids) {
			this.records.get(shardId).add(record(id, this.createdAt));
		}
	}

	/** Drop the first {@code count} records of a shard, as the 24-hour retention does. */
	synchronized void trim(String shardId, int count) {
		this.trimmed.put(shardId, count);
	}

	/** Make the next GetRecords calls fail, one failure each. */
	synchronized void failGetRecords(RuntimeException... failures) {
		this.getRecordsFailures.addAll(List.of(failures));
	}

	/** Make the next DescribeStream calls fail, one failure each. */
	synchronized void failListShards(RuntimeException... failures) {
		this.listShardsFailures.addAll(List.of(failures));
	}

	/** Make the next GetShardIterator calls fail, one failure each. */
	synchronized void failGetShardIterator(RuntimeException... failures) {
		this.getShardIteratorFailures.addAll(List.of(failures));
	}

	/** Make every call fail with this error until {@code null} is passed. */
	synchronized void outage(@Nullable RuntimeException failure) {
		this.outage = failure;
	}

	/** What {@link #latestStreamArn(String)} answers from now on. */
	synchronized void newStream(@Nullable String streamArn) {
		this.latestStreamArn = streamArn;
	}

	/** Record ids have the shape {@code name-N}; N*100 is the sequence number. */
	static String sequenceNumber(String id) {
		return String.valueOf(Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) * 100);
	}

	@Override
	public synchronized List<ShardInfo> listShards(String streamArn) {
		this.calls.add("listShards " + streamArn);
		fail(this.listShardsFailures.poll());
		return List.copyOf(this.shards.values());
	}

	@Override
	public synchronized String getShardIterator(String streamArn, String shardId, ShardIteratorType type,
			@Nullable String sequenceNumber) {
		fail(this.getShardIteratorFailures.poll());
		this.calls.add("iterator " + shardId + " " + type + ((sequenceNumber != null) ? " " + sequenceNumber : ""));
		List<Record> shardRecords = this.records.get(shardId);
		int horizon = this.trimmed.getOrDefault(shardId, 0);
		int index = switch (type) {
			case TRIM_HORIZON -> horizon;
			case LATEST -> shardRecords.size();
			case AFTER_SEQUENCE_NUMBER -> indexAfter(shardRecords, sequenceNumber);
			default -> throw new UnsupportedOperationException(type.toString());
		};
		if (index < horizon) {
			throw TrimmedDataAccessException.builder().message("Sequence " + sequenceNumber + " is trimmed").build();
		}
		return shardId + "@" + index;
	}

	@Override
	public synchronized ShardRecords getRecords(String shardIterator, int limit) {
		this.getRecordsTimes.add(System.nanoTime());
		RuntimeException failure = (this.outage != null) ? this.outage : this.getRecordsFailures.poll();
		if (failure != null) {
			this.calls.add("getRecords failed " + failure.getClass().getSimpleName());
			throw failure;
		}
		String shardId = shardIterator.substring(0, shardIterator.indexOf('@'));
		int index = Integer.parseInt(shardIterator.substring(shardIterator.indexOf('@') + 1));
		List<Record> shardRecords = this.records.get(shardId);
		int end = Math.min(shardRecords.size(), index + limit);
		List<Record> page = shardRecords.subList(index, end);
		this.calls.add("getRecords " + shardId + " " + page.size());
		boolean closed = this.shards.get(shardId).isClosed();
		String next = (closed && end == shardRecords.size()) ? null : shardId + "@" + end;
		return new ShardRecords(page, next);
	}

	@Override
	public synchronized Optional<String> latestStreamArn(String tableName) {
		this.calls.add("latestStreamArn " + tableName);
		return Optional.ofNullable(this.latestStreamArn);
	}

	private void fail(@Nullable RuntimeException failure) {
		RuntimeException thrown = (this.outage != null) ? this.outage : failure;
		if (thrown != null) {
			this.calls.add("failed " + thrown.getClass().getSimpleName());
			throw thrown;
		}
	}

	private static int indexAfter(List<Record> shardRecords, @Nullable String sequenceNumber) {
		long wanted = Long.parseLong(sequenceNumber);
		for (int i = 0; i < shardRecords.size(); i++) {
			if (Long.parseLong(shardRecords.get(i).dynamodb().sequenceNumber()) > wanted) {
				return i;
			}
		}
		return shardRecords.size();
	}

	private static Record record(String id, @Nullable Instant createdAt) {
		return Record.builder()
			.eventID("event-" + id)
			.eventName(OperationType.INSERT)
			.dynamodb((change) -> change.keys(Map.of("id", AttributeValue.fromS(id)))
				.sequenceNumber(sequenceNumber(id))
				.approximateCreationDateTime(createdAt)
				.streamViewType(software.amazon.awssdk.services.dynamodb.model.StreamViewType.KEYS_ONLY))
			.build();
	}

}
