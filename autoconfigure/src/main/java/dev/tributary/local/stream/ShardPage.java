package dev.tributary.local.stream;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one read of a shard returned, for any shard source.
 *
 * @param <R> the source's raw record type
 * @param records the records, in sequence order, possibly none
 * @param nextShardIterator where to read next, or {@code null} when a closed shard is read to its end
 * @param behindLatest how far the read is behind the shard's tip, when the source says
 * (Kinesis's {@code MillisBehindLatest}); {@code null} otherwise
 * @author Tributary
 */
public record ShardPage<R>(List<R> records, @Nullable String nextShardIterator, @Nullable Duration behindLatest) {

	public ShardPage {
		records = List.copyOf(records);
	}

}
