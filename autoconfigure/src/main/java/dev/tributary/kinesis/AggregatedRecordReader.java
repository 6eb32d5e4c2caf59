package dev.tributary.kinesis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads the protobuf body of a KPL aggregate: just the three fields of {@code AggregatedRecord}
 * and the three of its {@code Record} that de-aggregation needs, skipping any other field as
 * protobuf requires. Throws {@link IllegalArgumentException} on a body that is not well formed.
 *
 * @author Tributary
 */
final class AggregatedRecordReader {

	private static final int VARINT = 0;

	private static final int FIXED64 = 1;

	private static final int LENGTH_DELIMITED = 2;

	private static final int FIXED32 = 5;

	private final byte[] buffer;

	private int position;

	private final int limit;

	private AggregatedRecordReader(byte[] buffer, int position, int limit) {
		this.buffer = buffer;
		this.position = position;
		this.limit = limit;
	}

	static List<KinesisDataRecord> read(KinesisDataRecord aggregate, byte[] data, int from, int to) {
		AggregatedRecordReader reader = new AggregatedRecordReader(data, from, to);
		List<String> partitionKeys = new ArrayList<>();
		List<String> hashKeys = new ArrayList<>();
		List<int[]> records = new ArrayList<>();
		while (reader.position < reader.limit) {
			long tag = reader.varint();
			int field = (int) (tag >>> 3);
			int type = (int) (tag & 7);
			if (type == LENGTH_DELIMITED && field <= 3) {
				int length = reader.length();
				if (field == 1) {
					partitionKeys.add(new String(data, reader.position, length, StandardCharsets.UTF_8));
				}
				else if (field == 2) {
					hashKeys.add(new String(data, reader.position, length, StandardCharsets.UTF_8));
				}
				else {
					records.add(new int[] { reader.position, reader.position + length });
				}
				reader.position += length;
			}
			else {
				reader.skip(type);
			}
		}
		List<KinesisDataRecord> users = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			int[] bounds = records.get(i);
			users.add(new AggregatedRecordReader(data, bounds[0], bounds[1]).userRecord(aggregate, i, partitionKeys,
					hashKeys));
		}
		return users;
	}

	private KinesisDataRecord userRecord(KinesisDataRecord aggregate, int index, List<String> partitionKeys,
			List<String> hashKeys) {
		long partitionKeyIndex = -1;
		long hashKeyIndex = -1;
		byte @Nullable [] payload = null;
		while (this.position < this.limit) {
			long tag = varint();
			int field = (int) (tag >>> 3);
			int type = (int) (tag & 7);
			if (field == 1 && type == VARINT) {
				partitionKeyIndex = varint();
			}
			else if (field == 2 && type == VARINT) {
				hashKeyIndex = varint();
			}
			else if (field == 3 && type == LENGTH_DELIMITED) {
				int length = length();
				payload = Arrays.copyOfRange(this.buffer, this.position, this.position + length);
				this.position += length;
			}
			else {
				skip(type);
			}
		}
		String partitionKey = entry(partitionKeys, partitionKeyIndex, "partition key", index);
		if (partitionKey == null || payload == null) {
			throw new IllegalArgumentException("user record " + index + " has no "
					+ ((partitionKey == null) ? "partition key index" : "data"));
		}
		return aggregate.withUserRecord(index, partitionKey, entry(hashKeys, hashKeyIndex, "explicit hash key", index),
				payload);
	}

	private static @Nullable String entry(List<String> table, long index, String what, int record) {
		if (index < 0) {
			return null;
		}
		if (index >= table.size()) {
			throw new IllegalArgumentException("user record " + record + " names " + what + " " + index + " of "
					+ table.size());
		}
		return table.get((int) index);
	}

	private long varint() {
		long result = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			if (this.position >= this.limit) {
				throw new IllegalArgumentException("truncated varint");
			}
			byte b = this.buffer[this.position++];
			result |= (long) (b & 0x7F) << shift;
			if ((b & 0x80) == 0) {
				return result;
			}
		}
		throw new IllegalArgumentException("malformed varint");
	}

	private int length() {
		long length = varint();
		if (length < 0 || length > this.limit - this.position) {
			throw new IllegalArgumentException("field length " + length + " past the end");
		}
		return (int) length;
	}

	private void skip(int type) {
		switch (type) {
			case VARINT -> varint();
			case FIXED64 -> advance(8);
			case LENGTH_DELIMITED -> advance(length());
			case FIXED32 -> advance(4);
			default -> throw new IllegalArgumentException("unsupported wire type " + type);
		}
	}

	private void advance(int bytes) {
		if (bytes > this.limit - this.position) {
			throw new IllegalArgumentException("field past the end");
		}
		this.position += bytes;
	}

}
