package dev.tributary.local.runtime;

import java.util.List;

import dev.tributary.ProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.local.LocalProcessor;
import dev.tributary.local.shard.ShardEngine;

/**
 * One source in the local runtime (DynamoDB Streams, Kinesis): it creates in the emulator what
 * its processors read and hands each processor to the shard engine. A source is a bean of its
 * own auto-configuration; the {@link LocalStreamRuntime} knows sources only through this
 * interface.
 *
 * @author Tributary
 */
public interface LocalSource {

	/**
	 * The processors of the registry this source runs.
	 * @param registry every processor of the application
	 * @return this source's processors, possibly none
	 */
	List<? extends ProcessorDefinition<?>> processors(StreamProcessorRegistry registry);

	/**
	 * Whether this source has anything to do for the application: by default, when it runs a
	 * processor.
	 * @param registry every processor of the application
	 * @return whether to {@link #provision} this source
	 */
	default boolean serves(StreamProcessorRegistry registry) {
		return !processors(registry).isEmpty();
	}

	/**
	 * Create what the processors read (tables, streams) and one runtime per processor, not
	 * started.
	 * @param registry every processor of the application
	 * @param engine what every processor's runtime shares
	 * @return the runtimes, one per processor of {@link #processors}
	 */
	List<LocalProcessor> provision(StreamProcessorRegistry registry, ShardEngine engine);

}
