package dev.tributary;

import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * A discovered Kinesis processor: the user's function, the stream it is bound to (with the
 * stream's own settings), its common options and its payload type. It runs in Lambda, in the
 * local runtime and is deployed, like a DynamoDB processor.
 *
 * @param <T> the payload type
 * @param name the processor's name (its bean name)
 * @param binding the stream it reads, with its starting position
 * @param options its common options
 * @param payloadType the {@code T} of {@code KinesisRecord<T>}
 * @param function the user's function
 * @author Tributary
 */
public record KinesisProcessorDefinition<T>(String name, KinesisStreamBinding binding, ProcessorOptions options,
		ResolvableType payloadType, Function<Flux<KinesisRecord<T>>, Mono<Void>> function)
		implements ProcessorDefinition<KinesisRecord<T>> {

	public KinesisProcessorDefinition {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(binding, "'binding' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(payloadType, "'payloadType' must not be null");
		Assert.notNull(function, "'function' must not be null");
	}

	@Override
	public String toString() {
		return "KinesisProcessorDefinition[name=" + this.name + ", binding=" + this.binding + ", payloadType="
				+ this.payloadType + ", options=" + this.options + "]";
	}

	@Override
	public KinesisProcessorDefinition<T> withFunction(Function<Flux<KinesisRecord<T>>, Mono<Void>> function) {
		return new KinesisProcessorDefinition<>(this.name, this.binding, this.options, this.payloadType, function);
	}

}
