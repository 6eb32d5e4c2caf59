package dev.tributary.deploy.support;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.KeyAttribute;
import dev.tributary.ProcessorOptions;
import dev.tributary.ProcessorDefinition;
import dev.tributary.SourceBinding;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.TableDescriptor;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.core.ResolvableType;

/**
 * A registry built by hand, standing in for the one processor discovery builds.
 *
 * @param processors the processors
 * @author Tributary
 */
public record TestRegistry(List<StreamProcessorDefinition<?>> processors) implements StreamProcessorRegistry {

	/**
	 * One processor reading one table keyed by {@code id} (S).
	 * @param processor the processor name
	 * @param tableName the physical table name
	 * @param options the processor's options
	 * @return the registry
	 */
	public static TestRegistry of(String processor, String tableName, ProcessorOptions options) {
		return of(tableName, options, processor);
	}

	/**
	 * One processor reading one table keyed by {@code id} (S), with DynamoDB stream options.
	 * @param processor the processor name
	 * @param tableName the physical table name
	 * @param source the processor's DynamoDB stream options
	 * @param options the processor's options
	 * @return the registry
	 */
	public static TestRegistry of(String processor, String tableName, DynamoDbStreamOptions source,
			ProcessorOptions options) {
		return of(tableName, source, options, processor);
	}

	/**
	 * Processors reading one table keyed by {@code id} (S), all with the same options.
	 * @param tableName the physical table name
	 * @param options the processors' options
	 * @param processors the processor names
	 * @return the registry
	 */
	public static TestRegistry of(String tableName, ProcessorOptions options, String... processors) {
		return of(tableName, DynamoDbStreamOptions.defaults(), options, processors);
	}

	/**
	 * Processors reading one table keyed by {@code id} (S), all with the same options.
	 * @param tableName the physical table name
	 * @param source the processors' DynamoDB stream options
	 * @param options the processors' options
	 * @param processors the processor names
	 * @return the registry
	 */
	public static TestRegistry of(String tableName, DynamoDbStreamOptions source, ProcessorOptions options,
			String... processors) {
		TableDescriptor table = new TableDescriptor("items", tableName, new KeyAttribute("id", KeyAttribute.ScalarType.S),
				null);
		return new TestRegistry(Stream.of(processors)
			.<StreamProcessorDefinition<?>>map((processor) -> new StreamProcessorDefinition<Map<String, AttributeValue>>(
					processor, new DynamoDbStreamBinding(table, source), options, ResolvableType.forClass(Map.class), (image) -> image,
					(records) -> Mono.empty()))
			.toList());
	}

	@Override
	public List<ProcessorDefinition<?>> getProcessors() {
		return this.processors.stream()
			.sorted(Comparator.comparing(StreamProcessorDefinition::name))
			.<ProcessorDefinition<?>>map((processor) -> processor)
			.toList();
	}

	@Override
	public Optional<ProcessorDefinition<?>> getProcessor(String name) {
		return getProcessors().stream().filter((processor) -> processor.name().equals(name)).findFirst();
	}

	@Override
	public List<SourceBinding> getBindings() {
		return getProcessors().stream().<SourceBinding>map(ProcessorDefinition::binding).distinct().toList();
	}

}
