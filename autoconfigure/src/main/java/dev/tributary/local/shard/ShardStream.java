package dev.tributary.local.shard;

import java.time.Instant;

import dev.tributary.StartingPosition;
import dev.tributary.local.stream.ShardRecordType;
import dev.tributary.local.stream.ShardSource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The stream one processor reads, as a source's local runtime hands it to the shard engine.
 *
 * @param <R> the source's raw record type
 * @param sourceName the physical name of what the processor reads (a table, a Kinesis stream)
 * @param streamArn the stream's ARN
 * @param source the source's calls
 * @param type what the source's records are
 * @param startingPosition where shards ready at the first start begin
 * @param startingPositionTimestamp the time, exactly with {@link StartingPosition#AT_TIMESTAMP}
 * @param settings the source's own settings, for the log line at start ({@code view type NEW_IMAGE})
 * @author Tributary
 */
public record ShardStream<R>(String sourceName, String streamArn, ShardSource<R> source, ShardRecordType<R> type,
		StartingPosition startingPosition, @Nullable Instant startingPositionTimestamp, String settings) {

	public ShardStream {
		Assert.hasText(sourceName, "'sourceName' must not be empty");
		Assert.hasText(streamArn, "'streamArn' must not be empty");
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(type, "'type' must not be null");
		Assert.notNull(startingPosition, "'startingPosition' must not be null");
		Assert.isTrue((startingPositionTimestamp != null) == (startingPosition == StartingPosition.AT_TIMESTAMP),
				"A timestamp goes exactly with AT_TIMESTAMP");
		Assert.notNull(settings, "'settings' must not be null");
	}

}
