package dev.tributary.autoconfigure;

import java.util.function.Function;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.ImageMapper;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamRecord;
import dev.tributary.TableDescriptor;
import dev.tributary.mapping.ImageMappers;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Defines DynamoDB Streams processors: {@code Function<Flux<StreamRecord<T>>, Mono<Void>>}
 * beans, bound by {@link DynamoDbStreamProcessor} and {@code tributary.processors.<name>.*} to a
 * table declared under {@code tributary.tables}.
 *
 * @author Tributary
 */
class DynamoDbProcessorDefiner implements SourceProcessorDefiner {

	private final ConfigurableListableBeanFactory beanFactory;

	private final TableResolver tables;

	private final ProcessorBindingResolver bindingResolver;

	DynamoDbProcessorDefiner(ConfigurableListableBeanFactory beanFactory, TributaryProperties properties) {
		this.beanFactory = beanFactory;
		this.tables = new TableResolver(properties.getTables());
		this.bindingResolver = new ProcessorBindingResolver(new SqsQueueResolver(properties.getQueues()));
	}

	@Override
	public Class<?> elementType() {
		return StreamRecord.class;
	}

	@Override
	public StreamProcessorDefinition<?> define(String name, ResolvableType recordType,
			TributaryProperties.@Nullable Processor properties) {
		DynamoDbStreamProcessor annotation = this.beanFactory.findAnnotationOnBean(name,
				DynamoDbStreamProcessor.class);
		ProcessorBinding binding = this.bindingResolver.resolve(name, annotation, properties);
		ImageMapper<?> mapper = mapperFor(name, recordType);
		TableDescriptor table = this.tables.resolve(binding.table(), name, recordType);
		return create(name, table, binding, recordType, mapper);
	}

	private static ImageMapper<?> mapperFor(String name, ResolvableType recordType) {
		try {
			return ImageMappers.forType(recordType);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidProcessorBindingException("the record type of processor '" + name + "'",
					recordType.toString(), String.valueOf(ex.getMessage()),
					"Declare the processor as Function<Flux<StreamRecord<T>>, Mono<Void>> with a supported T.");
		}
	}

	@SuppressWarnings("unchecked")
	private <T> StreamProcessorDefinition<T> create(String name, TableDescriptor table, ProcessorBinding binding,
			ResolvableType recordType, ImageMapper<?> mapper) {
		Function<Flux<StreamRecord<T>>, Mono<Void>> function = this.beanFactory.getBean(name, Function.class);
		return new StreamProcessorDefinition<>(name, new DynamoDbStreamBinding(table, binding.stream()),
				binding.options(), recordType, (ImageMapper<T>) mapper, function);
	}

}
