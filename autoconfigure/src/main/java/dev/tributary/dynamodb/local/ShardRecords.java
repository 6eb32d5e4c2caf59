package dev.tributary.dynamodb.local;

import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * What one GetRecords call returned.
 *
 * @param records the records, in sequence order, possibly none
 * @param nextShardIterator where to read next, or {@code null} when a closed shard is read to its end
 * @author Tributary
 */
public record ShardRecords(List<Record> records, @Nullable String nextShardIterator) {

	public ShardRecords {
		records = List.copyOf(records);
	}

}
