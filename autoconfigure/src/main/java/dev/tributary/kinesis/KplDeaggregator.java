package dev.tributary.kinesis;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Expands records that the Kinesis Producer Library aggregated into the user records they hold,
 * and leaves every other record as it is.
 * <p>
 * An aggregated record is the magic {@code F3 89 9A C2}, a protobuf {@code AggregatedRecord}
 * (a partition key table, an explicit hash key table and the user records), and the MD5 of the
 * protobuf. As in the KCL, a record with the magic whose checksum or body does not hold up is
 * delivered as it is, so it reaches the processor (and, failing there, the failure destination)
 * instead of vanishing. Our own reader, because the libraries that have one would not fit in the
 * Lambda artifact (see docs/sources.md).
 *
 * @author Tributary
 */
public final class KplDeaggregator {

	private static final Log logger = LogFactory.getLog(KplDeaggregator.class);

	private static final byte[] MAGIC = { (byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2 };

	private static final int DIGEST_LENGTH = 16;

	/**
	 * Expand every aggregated record of a batch, keeping order.
	 * @param records the records as read
	 * @return the user records, in order
	 */
	public List<KinesisDataRecord> deaggregate(List<KinesisDataRecord> records) {
		Assert.notNull(records, "'records' must not be null");
		@Nullable List<KinesisDataRecord> result = null;
		for (int i = 0; i < records.size(); i++) {
			KinesisDataRecord record = records.get(i);
			@Nullable List<KinesisDataRecord> users = isAggregated(record.data()) ? expand(record) : null;
			if (users == null && result == null) {
				continue;
			}
			if (result == null) {
				result = new ArrayList<>(records.subList(0, i));
			}
			if (users != null) {
				result.addAll(users);
			}
			else {
				result.add(record);
			}
		}
		return (result != null) ? result : records;
	}

	private static boolean isAggregated(byte[] data) {
		return data.length > MAGIC.length + DIGEST_LENGTH
				&& Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	private static @Nullable List<KinesisDataRecord> expand(KinesisDataRecord record) {
		byte[] data = record.data();
		int bodyEnd = data.length - DIGEST_LENGTH;
		byte[] digest = md5(data, MAGIC.length, bodyEnd - MAGIC.length);
		if (!Arrays.equals(digest, 0, DIGEST_LENGTH, data, bodyEnd, data.length)) {
			logger.warn("Record " + record.sequenceNumber() + " of shard " + record.shardId()
					+ " starts like a KPL aggregate but its checksum does not match; delivering it as it is");
			return null;
		}
		try {
			return AggregatedRecordReader.read(record, data, MAGIC.length, bodyEnd);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Record " + record.sequenceNumber() + " of shard " + record.shardId()
					+ " is a KPL aggregate that cannot be read (" + ex.getMessage() + "); delivering it as it is");
			return null;
		}
	}

	private static byte[] md5(byte[] data, int offset, int length) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			md5.update(data, offset, length);
			return md5.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is required of every Java platform", ex);
		}
	}

}
