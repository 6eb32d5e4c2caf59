package dev.tributary.autoconfigure;

import java.util.function.Function;

import dev.tributary.S3EventProcessor;
import dev.tributary.S3EventRecord;
import dev.tributary.S3ProcessorDefinition;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Defines S3 event processors: {@code Function<Flux<S3EventRecord>, Mono<Void>>} beans, bound by
 * {@link S3EventProcessor} and {@code tributary.processors.<name>.*} to a bucket declared under
 * {@code tributary.buckets} (or named by its ARN).
 *
 * @author Tributary
 */
class S3ProcessorDefiner implements SourceProcessorDefiner {

	private final ConfigurableListableBeanFactory beanFactory;

	private final S3BucketResolver buckets;

	private final S3BindingResolver bindingResolver;

	S3ProcessorDefiner(ConfigurableListableBeanFactory beanFactory, TributaryProperties properties) {
		this.beanFactory = beanFactory;
		this.buckets = new S3BucketResolver(properties.getBuckets());
		this.bindingResolver = new S3BindingResolver(new SqsQueueResolver(properties.getQueues()));
	}

	@Override
	public Class<?> elementType() {
		return S3EventRecord.class;
	}

	@Override
	@SuppressWarnings("unchecked")
	public S3ProcessorDefinition define(String name, ResolvableType payloadType,
			TributaryProperties.@Nullable Processor properties) {
		S3EventProcessor annotation = this.beanFactory.findAnnotationOnBean(name, S3EventProcessor.class);
		S3BindingResolver.Resolved resolved = this.bindingResolver.resolve(name, annotation, properties, this.buckets);
		Function<Flux<S3EventRecord>, Mono<Void>> function = this.beanFactory.getBean(name, Function.class);
		return new S3ProcessorDefinition(name, resolved.binding(), resolved.options(), function);
	}

}
