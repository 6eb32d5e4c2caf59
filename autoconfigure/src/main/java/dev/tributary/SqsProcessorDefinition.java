package dev.tributary;

import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * A discovered SQS processor: the user's function, the queue it is bound to (with the queue's
 * own settings), its common options and its body type.
 *
 * @param <T> the body type
 * @param name the processor's name (its bean name)
 * @param binding the queue it reads, with its SQS settings
 * @param options the common options (of which queues use the batch size, batching window and
 * filter patterns)
 * @param payloadType the type bodies are mapped to
 * @param function the user's function
 * @author Tributary
 */
public record SqsProcessorDefinition<T>(String name, SqsQueueBinding binding, ProcessorOptions options,
		ResolvableType payloadType, Function<Flux<SqsMessage<T>>, Mono<Void>> function)
		implements ProcessorDefinition<SqsMessage<T>> {

	public SqsProcessorDefinition {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(binding, "'binding' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(payloadType, "'payloadType' must not be null");
		Assert.notNull(function, "'function' must not be null");
	}

	@Override
	public String toString() {
		return "SqsProcessorDefinition[name=" + this.name + ", binding=" + this.binding + ", payloadType="
				+ this.payloadType + ", options=" + this.options + "]";
	}

	@Override
	public SqsProcessorDefinition<T> withFunction(Function<Flux<SqsMessage<T>>, Mono<Void>> function) {
		return new SqsProcessorDefinition<>(this.name, this.binding, this.options, this.payloadType, function);
	}

}
