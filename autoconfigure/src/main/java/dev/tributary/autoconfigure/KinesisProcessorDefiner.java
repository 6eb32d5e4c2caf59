package dev.tributary.autoconfigure;

import java.util.function.Function;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisRecord;
import dev.tributary.KinesisStreamProcessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Defines Kinesis processors: {@code Function<Flux<KinesisRecord<T>>, Mono<Void>>} beans, bound
 * by {@link KinesisStreamProcessor} and {@code tributary.processors.<name>.*} to a stream
 * declared under {@code tributary.streams} (or named by its ARN).
 *
 * @author Tributary
 */
class KinesisProcessorDefiner implements SourceProcessorDefiner {

	private final ConfigurableListableBeanFactory beanFactory;

	private final KinesisStreamResolver streams;

	private final KinesisBindingResolver bindingResolver;

	KinesisProcessorDefiner(ConfigurableListableBeanFactory beanFactory, TributaryProperties properties) {
		this.beanFactory = beanFactory;
		this.streams = new KinesisStreamResolver(properties.getStreams());
		this.bindingResolver = new KinesisBindingResolver(new SqsQueueResolver(properties.getQueues()));
	}

	@Override
	public Class<?> elementType() {
		return KinesisRecord.class;
	}

	@Override
	@SuppressWarnings("unchecked")
	public KinesisProcessorDefinition<?> define(String name, ResolvableType payloadType,
			TributaryProperties.@Nullable Processor properties) {
		KinesisStreamProcessor annotation = this.beanFactory.findAnnotationOnBean(name, KinesisStreamProcessor.class);
		KinesisBindingResolver.Resolved resolved = this.bindingResolver.resolve(name, annotation, properties,
				this.streams);
		SourceProcessorDefiner.checkPayloadType(name, payloadType, KinesisRecord.class.getSimpleName());
		Function<Flux<KinesisRecord<Object>>, Mono<Void>> function = this.beanFactory.getBean(name, Function.class);
		return new KinesisProcessorDefinition<>(name, resolved.binding(), resolved.options(), payloadType, function);
	}

}
