package dev.tributary.local;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one processor in the local runtime.
 *
 * @param name the processor's name
 * @param table the table's physical name
 * @param streamArn the stream read, or {@code null} before it was found
 * @param running whether the processor is being fed
 * @param shards its shards
 * @author Tributary
 */
public record ProcessorStatus(String name, String table, @Nullable String streamArn, boolean running,
		List<ShardStatus> shards) {

}
