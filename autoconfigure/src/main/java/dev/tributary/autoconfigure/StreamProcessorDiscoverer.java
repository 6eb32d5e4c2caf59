package dev.tributary.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.ImageMapper;
import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisRecord;
import dev.tributary.KinesisStreamProcessor;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamRecord;
import dev.tributary.TableDescriptor;
import dev.tributary.kinesis.PayloadMappers;
import dev.tributary.mapping.ImageMappers;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

/**
 * Finds every {@code Function<Flux<StreamRecord<T>>, Mono<Void>>} bean, resolves its binding,
 * table and record type, and fails on processors without a binding and bindings without a
 * processor. Runs once, at startup.
 *
 * @author Tributary
 */
class StreamProcessorDiscoverer {

	private static final Log logger = LogFactory.getLog(StreamProcessorDiscoverer.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final TributaryProperties properties;

	private final ProcessorBindingResolver bindingResolver = new ProcessorBindingResolver();

	private final KinesisBindingResolver kinesisBindingResolver = new KinesisBindingResolver();

	StreamProcessorDiscoverer(ConfigurableListableBeanFactory beanFactory, TributaryProperties properties) {
		this.beanFactory = beanFactory;
		this.properties = properties;
	}

	/**
	 * The discovered processors, by source.
	 *
	 * @param processors the DynamoDB Streams processors
	 * @param kinesisProcessors the Kinesis processors
	 */
	record Discovered(List<StreamProcessorDefinition<?>> processors,
			List<KinesisProcessorDefinition<?>> kinesisProcessors) {

	}

	Discovered discover() {
		Map<String, ResolvableType> candidates = findProcessorBeans(StreamRecord.class);
		Map<String, ResolvableType> kinesisCandidates = findProcessorBeans(KinesisRecord.class);
		Map<String, ResolvableType> all = new LinkedHashMap<>(candidates);
		all.putAll(kinesisCandidates);
		Map<String, TributaryProperties.Processor> bound = matchProperties(all);
		TableResolver tables = new TableResolver(this.properties.getTables());
		KinesisStreamResolver streams = new KinesisStreamResolver(this.properties.getStreams());
		List<StreamProcessorDefinition<?>> definitions = new ArrayList<>();
		candidates.forEach((name, recordType) -> definitions.add(define(name, recordType, bound.get(name), tables)));
		List<KinesisProcessorDefinition<?>> kinesisDefinitions = new ArrayList<>();
		kinesisCandidates.forEach((name, payloadType) -> kinesisDefinitions
			.add(defineKinesis(name, payloadType, bound.get(name), streams)));
		if (logger.isDebugEnabled()) {
			logger.debug("Discovered stream processors " + definitions + " and Kinesis processors "
					+ kinesisDefinitions);
		}
		return new Discovered(definitions, kinesisDefinitions);
	}

	private Map<String, ResolvableType> findProcessorBeans(Class<?> elementType) {
		Map<String, ResolvableType> candidates = new LinkedHashMap<>();
		for (String name : this.beanFactory.getBeanNamesForType(Function.class, true, false)) {
			ResolvableType recordType = recordTypeOf(declaredType(name), elementType);
			if (recordType != null) {
				candidates.put(name, recordType);
			}
		}
		return candidates;
	}

	private Map<String, TributaryProperties.Processor> matchProperties(Map<String, ResolvableType> candidates) {
		Map<String, TributaryProperties.Processor> bound = new LinkedHashMap<>();
		this.properties.getProcessors().forEach((key, processor) -> {
			String name = candidates.containsKey(key) ? key : candidates.keySet()
				.stream()
				.filter((candidate) -> candidate.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT)))
				.findFirst()
				.orElseThrow(() -> new InvalidProcessorBindingException(
						TributaryProperties.PREFIX + ".processors." + key, key,
						"It names no processor bean. A processor is a bean of type "
								+ "Function<Flux<StreamRecord<T>>, Mono<Void>> or Function<Flux<KinesisRecord<T>>, "
								+ "Mono<Void>>; this application declares "
								+ (candidates.isEmpty() ? "none" : candidates.keySet()) + ".",
						"Use the bean name of a processor in the property, or declare the processor bean."));
			bound.put(name, processor);
		});
		return bound;
	}

	private StreamProcessorDefinition<?> define(String name, ResolvableType recordType,
			TributaryProperties.@Nullable Processor properties, TableResolver tables) {
		DynamoDbStreamProcessor annotation = this.beanFactory.findAnnotationOnBean(name,
				DynamoDbStreamProcessor.class);
		ProcessorBinding binding = this.bindingResolver.resolve(name, annotation, properties);
		ImageMapper<?> mapper = mapperFor(name, recordType);
		TableDescriptor table = tables.resolve(binding.table(), name, recordType);
		return create(name, table, binding, recordType, mapper);
	}

	@SuppressWarnings("unchecked")
	private <T> KinesisProcessorDefinition<T> defineKinesis(String name, ResolvableType payloadType,
			TributaryProperties.@Nullable Processor properties, KinesisStreamResolver streams) {
		KinesisStreamProcessor annotation = this.beanFactory.findAnnotationOnBean(name, KinesisStreamProcessor.class);
		KinesisBindingResolver.Resolved resolved = this.kinesisBindingResolver.resolve(name, annotation, properties,
				streams);
		checkPayloadType(name, payloadType);
		Function<Flux<KinesisRecord<T>>, Mono<Void>> function = this.beanFactory.getBean(name, Function.class);
		return new KinesisProcessorDefinition<>(name, resolved.binding(), resolved.options(), payloadType, function);
	}

	private static void checkPayloadType(String name, ResolvableType payloadType) {
		try {
			PayloadMappers.forType(payloadType);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidProcessorBindingException("the payload type of processor '" + name + "'",
					payloadType.toString(), String.valueOf(ex.getMessage()),
					"Declare the processor as Function<Flux<KinesisRecord<T>>, Mono<Void>> with a supported T.");
		}
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

	private ResolvableType declaredType(String name) {
		BeanDefinition definition = this.beanFactory.getMergedBeanDefinition(name);
		if (definition instanceof RootBeanDefinition root) {
			Method factoryMethod = root.getResolvedFactoryMethod();
			if (factoryMethod != null) {
				return ResolvableType.forMethodReturnType(factoryMethod);
			}
			ResolvableType type = root.getResolvableType();
			if (type.hasGenerics() || type.as(Function.class).hasGenerics()) {
				return type;
			}
		}
		Class<?> type = this.beanFactory.getType(name, false);
		return (type != null) ? ResolvableType.forClass(type) : ResolvableType.NONE;
	}

	/**
	 * The {@code T} of a {@code Function<Flux<StreamRecord<T>>, Mono<Void>>}, or {@code null}
	 * when the type is some other function.
	 */
	static @Nullable ResolvableType recordTypeOf(ResolvableType type) {
		return recordTypeOf(type, StreamRecord.class);
	}

	/**
	 * The {@code T} of a {@code Function<Flux<E<T>>, Mono<Void>>} for the given element type
	 * {@code E}, or {@code null} when the type is some other function.
	 */
	static @Nullable ResolvableType recordTypeOf(ResolvableType type, Class<?> elementType) {
		ResolvableType function = type.as(Function.class);
		if (function == ResolvableType.NONE) {
			return null;
		}
		ResolvableType input = function.getGeneric(0);
		ResolvableType output = function.getGeneric(1);
		Class<?> inputClass = input.resolve();
		Class<?> outputClass = output.resolve();
		if (inputClass == null || !Flux.class.isAssignableFrom(inputClass) || outputClass == null
				|| !Mono.class.isAssignableFrom(outputClass)) {
			return null;
		}
		ResolvableType element = input.as(Flux.class).getGeneric(0);
		if (element.resolve() != elementType) {
			return null;
		}
		return element.getGeneric(0);
	}

}
