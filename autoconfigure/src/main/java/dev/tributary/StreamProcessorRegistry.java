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
	 * The processors of every source, in a stable order (by name).
	 * @return the processors
	 */
	List<ProcessorDefinition<?>> getProcessors();

	/**
	 * The processors of one source, by its definition type, in a stable order (by name): for
	 * example {@code getProcessors(KinesisProcessorDefinition.class)}.
	 * @param <D> the definition type
	 * @param type the definition type
	 * @return the processors of that type
	 */
	@SuppressWarnings("unchecked")
	default <D extends ProcessorDefinition<?>> List<D> getProcessors(Class<? super D> type) {
		return getProcessors().stream().filter(type::isInstance).map((processor) -> (D) processor).toList();
	}

	/**
	 * Find a processor of any source by name.
	 * @param name the processor's (bean) name
	 * @return the processor, if one has that name
	 */
	Optional<ProcessorDefinition<?>> getProcessor(String name);

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

	/**
	 * The buckets whose notifications the processors read, each once, in a stable order (by
	 * id); derived from {@link #getBindings()}.
	 * @return the buckets
	 */
	default List<S3BucketDescriptor> getBuckets() {
		Map<String, S3BucketDescriptor> buckets = new TreeMap<>();
		for (SourceBinding binding : getBindings()) {
			if (binding instanceof S3EventBinding s3) {
				buckets.putIfAbsent(s3.bucket().id(), s3.bucket());
			}
		}
		return List.copyOf(buckets.values());
	}

}
