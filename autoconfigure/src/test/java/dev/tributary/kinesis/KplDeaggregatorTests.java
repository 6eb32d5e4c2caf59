package dev.tributary.kinesis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KplDeaggregatorTests {

	private static final byte[] MAGIC = { (byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2 };

	private final KplDeaggregator deaggregator = new KplDeaggregator();

	@Test
	void expandsAnAggregateIntoItsUserRecordsInOrder() throws Exception {
		byte[] body = aggregate();
		KinesisDataRecord aggregate = record("7", withDigest(body));
		List<KinesisDataRecord> users = this.deaggregator.deaggregate(List.of(record("6", utf8("before")), aggregate,
				record("8", utf8("after"))));
		assertThat(users).extracting(KinesisDataRecord::sequenceNumber).containsExactly("6", "7", "7", "7", "8");
		assertThat(users).extracting(KinesisDataRecord::subSequenceNumber).containsExactly(0L, 0L, 1L, 2L, 0L);
		assertThat(users).extracting((record) -> new String(record.data(), StandardCharsets.UTF_8))
			.containsExactly("before", "one", "two", "three", "after");
		assertThat(users).extracting(KinesisDataRecord::partitionKey)
			.containsExactly("pk", "user-a", "user-b", "user-a", "pk");
		assertThat(users.get(2).explicitHashKey()).isEqualTo("170141183460469231731687303715884105728");
		assertThat(users.get(1).explicitHashKey()).isNull();
		assertThat(users.get(1).shardId()).isEqualTo("shardId-000000000000");
	}

	@Test
	void leavesABatchWithoutAggregatesAsItIs() {
		List<KinesisDataRecord> records = List.of(record("1", utf8("a")), record("2", utf8("b")));
		assertThat(this.deaggregator.deaggregate(records)).isSameAs(records);
	}

	@Test
	void deliversAnAggregateWithABadChecksumAsItIs() throws Exception {
		byte[] data = withDigest(aggregate());
		data[data.length - 1] ^= 1;
		KinesisDataRecord record = record("7", data);
		assertThat(this.deaggregator.deaggregate(List.of(record))).containsExactly(record);
	}

	@Test
	void deliversAnAggregateWhoseBodyCannotBeReadAsItIs() throws Exception {
		byte[] body = aggregate();
		byte[] truncated = Arrays.copyOf(body, body.length - 3);
		KinesisDataRecord record = record("7", withDigest(truncated));
		assertThat(this.deaggregator.deaggregate(List.of(record))).containsExactly(record);
	}

	@Test
	void deliversAnAggregateNamingAPartitionKeyItDoesNotHaveAsItIs() throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, 1, utf8("only"));
		field(body, 3, userRecord(5, -1, "x"));
		KinesisDataRecord record = record("7", withDigest(body.toByteArray()));
		assertThat(this.deaggregator.deaggregate(List.of(record))).containsExactly(record);
	}

	private static byte[] aggregate() throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, 1, utf8("user-a"));
		field(body, 1, utf8("user-b"));
		field(body, 2, utf8("170141183460469231731687303715884105728"));
		field(body, 3, userRecord(0, -1, "one"));
		field(body, 3, userRecord(1, 0, "two"));
		// An unknown field, which protobuf readers must skip.
		body.write(tag(9, 0));
		body.write(varint(300));
		field(body, 3, userRecord(0, -1, "three"));
		return body.toByteArray();
	}

	private static byte[] userRecord(int partitionKeyIndex, int hashKeyIndex, String data) throws Exception {
		ByteArrayOutputStream record = new ByteArrayOutputStream();
		record.write(tag(1, 0));
		record.write(varint(partitionKeyIndex));
		if (hashKeyIndex >= 0) {
			record.write(tag(2, 0));
			record.write(varint(hashKeyIndex));
		}
		field(record, 3, utf8(data));
		return record.toByteArray();
	}

	private static void field(ByteArrayOutputStream out, int number, byte[] value) throws Exception {
		out.write(tag(number, 2));
		out.write(varint(value.length));
		out.write(value);
	}

	private static byte[] tag(int number, int type) {
		return varint((number << 3) | type);
	}

	private static byte[] varint(long value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while ((value & ~0x7FL) != 0) {
			out.write((int) ((value & 0x7F) | 0x80));
			value >>>= 7;
		}
		out.write((int) value);
		return out.toByteArray();
	}

	private static byte[] withDigest(byte[] body) throws Exception {
		byte[] digest = MessageDigest.getInstance("MD5").digest(body);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(MAGIC);
		out.write(body);
		out.write(digest);
		return out.toByteArray();
	}

	private static KinesisDataRecord record(String sequenceNumber, byte[] data) {
		return new KinesisDataRecord(sequenceNumber, 0, "pk", null, Instant.EPOCH, data, "shardId-000000000000",
				"arn:aws:kinesis:us-east-1:123456789012:stream/Events");
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
