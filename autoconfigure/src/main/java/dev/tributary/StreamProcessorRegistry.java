package dev.tributary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every stream processor the application declares, discovered once at startup. The single
 * source of truth for the Lambda runtime, the local runtime and deploy.
 *
 * @author Tributary
 */
public interface StreamProcessorRegistry {

	/**
	 * The processors, in a stable order (by name).
	 * @return the processors
	 */
	List<StreamProcessorDefinition<?>> getProcessors();

	/**
	 * Find a processor by name.
	 * @param name the processor's (bean) name
	 * @return the processor, if one has that name
	 */
	Optional<StreamProcessorDefinition<?>> getProcessor(String name);

	/**
	 * The Kinesis processors, in a stable order (by name). They run in Lambda only for now.
	 * @return the Kinesis processors, none by default
	 */
	default List<KinesisProcessorDefinition<?>> getKinesisProcessors() {
		return List.of();
	}

	/**
	 * What the processors read, each distinct binding once, in the order of the processors.
	 * Two processors reading one source with different source settings (say, two view types on
	 * one table) have two bindings.
	 * @return the bindings
	 */
	List<SourceBinding> getBindings();

	/**
	 * The tables whose streams the processors read, each once, in a stable order (by id);
	 * derived from {@link #getBindings()}.
	 * @return the tables
	 */
	default List<TableDescriptor> getTables() {
		Map<String, TableDescriptor> tables = new TreeMap<>();
		for (SourceBinding binding : getBindings()) {
			if (binding instanceof DynamoDbStreamBinding dynamoDb) {
				tables.putIfAbsent(dynamoDb.table().id(), dynamoDb.table());
			}
		}
		return List.copyOf(tables.values());
	}

	/**
	 * The Kinesis streams the processors read, each once, in a stable order (by id); derived
	 * from {@link #getBindings()}.
	 * @return the streams
	 */
	default List<KinesisStreamDescriptor> getStreams() {
		Map<String, KinesisStreamDescriptor> streams = new TreeMap<>();
		for (SourceBinding binding : getBindings()) {
			if (binding instanceof KinesisStreamBinding kinesis) {
				streams.putIfAbsent(kinesis.stream().id(), kinesis.stream());
			}
		}
		return List.copyOf(streams.values());
	}

}
