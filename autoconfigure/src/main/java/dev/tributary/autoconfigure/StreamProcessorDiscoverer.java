package dev.tributary.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tributary.ProcessorDefinition;
import dev.tributary.StreamRecord;
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
 * Finds every processor bean of every source ({@code Function<Flux<E<T>>, Mono<Void>>} where
 * {@code E} is a source's element type), has the source's {@link SourceProcessorDefiner}
 * resolve its binding and payload type, and fails on processors without a binding and
 * bindings without a processor. Runs once, at startup.
 *
 * @author Tributary
 */
class StreamProcessorDiscoverer {

	private static final Log logger = LogFactory.getLog(StreamProcessorDiscoverer.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final TributaryProperties properties;

	private final List<SourceProcessorDefiner> definers;

	StreamProcessorDiscoverer(ConfigurableListableBeanFactory beanFactory, TributaryProperties properties,
			List<SourceProcessorDefiner> definers) {
		this.beanFactory = beanFactory;
		this.properties = properties;
		this.definers = definers;
	}

	List<ProcessorDefinition<?>> discover() {
		Map<String, ResolvableType> candidates = new LinkedHashMap<>();
		Map<String, SourceProcessorDefiner> definerOf = new LinkedHashMap<>();
		for (SourceProcessorDefiner definer : this.definers) {
			findProcessorBeans(definer.elementType()).forEach((name, payloadType) -> {
				candidates.put(name, payloadType);
				definerOf.put(name, definer);
			});
		}
		Map<String, TributaryProperties.Processor> bound = matchProperties(candidates);
		List<ProcessorDefinition<?>> definitions = new ArrayList<>();
		candidates.forEach((name, payloadType) -> definitions
			.add(definerOf.get(name).define(name, payloadType, bound.get(name))));
		if (logger.isDebugEnabled()) {
			logger.debug("Discovered processors " + definitions);
		}
		return definitions;
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
						"It names no processor bean. A processor is a bean of type " + processorTypes()
								+ "; this application declares "
								+ (candidates.isEmpty() ? "none" : candidates.keySet()) + ".",
						"Use the bean name of a processor in the property, or declare the processor bean."));
			bound.put(name, processor);
		});
		return bound;
	}

	private String processorTypes() {
		return this.definers.stream()
			.map((definer) -> "Function<Flux<" + definer.elementType().getSimpleName()
					+ ((definer.elementType().getTypeParameters().length > 0) ? "<T>" : "") + ">, Mono<Void>>")
			.collect(Collectors.joining(" or "));
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
