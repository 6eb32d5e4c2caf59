package dev.tributary.local.shard;

import java.util.ArrayDeque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.local.stream.ShardInfo;
import dev.tributary.local.stream.ShardRecords;
import dev.tributary.local.stream.StreamClient;
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

	/** Record ids have the shape {@code name-N}; N*100 is the sequence number. */
	static String sequenceNumber(String id) {
		return String.valueOf(Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) * 100);
	}

	@Override
	public synchronized List<ShardInfo> listShards(String streamArn) {
		return List.copyOf(this.shards.values());
	}

	@Override
	public synchronized String getShardIterator(String streamArn, String shardId, ShardIteratorType type,
			@Nullable String sequenceNumber) {
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
		RuntimeException failure = this.getRecordsFailures.poll();
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
