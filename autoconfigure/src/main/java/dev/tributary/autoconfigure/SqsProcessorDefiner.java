package dev.tributary.autoconfigure;

import java.util.function.Function;

import dev.tributary.SqsMessage;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.SqsQueueProcessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Defines SQS processors: {@code Function<Flux<SqsMessage<T>>, Mono<Void>>} beans, bound
 * by {@link SqsQueueProcessor} and {@code tributary.processors.<name>.*} to a queue
 * declared under {@code tributary.queues} (or named by its ARN).
 *
 * @author Tributary
 */
class SqsProcessorDefiner implements SourceProcessorDefiner {

	private final ConfigurableListableBeanFactory beanFactory;

	private final SqsQueueResolver queues;

	private final SqsBindingResolver bindingResolver;

	SqsProcessorDefiner(ConfigurableListableBeanFactory beanFactory, TributaryProperties properties) {
		this.beanFactory = beanFactory;
		this.queues = new SqsQueueResolver(properties.getQueues());
		this.bindingResolver = new SqsBindingResolver(this.queues);
	}

	@Override
	public Class<?> elementType() {
		return SqsMessage.class;
	}

	@Override
	@SuppressWarnings("unchecked")
	public SqsProcessorDefinition<?> define(String name, ResolvableType payloadType,
			TributaryProperties.@Nullable Processor properties) {
		SqsQueueProcessor annotation = this.beanFactory.findAnnotationOnBean(name, SqsQueueProcessor.class);
		SqsBindingResolver.Resolved resolved = this.bindingResolver.resolve(name, annotation, properties,
				this.queues);
		SourceProcessorDefiner.checkPayloadType(name, payloadType, SqsMessage.class.getSimpleName());
		Function<Flux<SqsMessage<Object>>, Mono<Void>> function = this.beanFactory.getBean(name, Function.class);
		return new SqsProcessorDefinition<>(name, resolved.binding(), resolved.options(), payloadType, function);
	}

}
