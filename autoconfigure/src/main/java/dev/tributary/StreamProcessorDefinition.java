package dev.tributary;

import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * A discovered DynamoDB Streams processor: the user's function, the table stream it is bound
 * to (with that source's own settings), its common options and the mapper for its record type.
 * The local runtime and deploy read these from the {@link StreamProcessorRegistry}; there is no
 * second description of the application.
 *
 * @param <T> the record type
 * @param name the processor's name (its bean name)
 * @param binding what it reads, with the settings only that kind of source has
 * @param options its common options
 * @param recordType the {@code T} of {@code StreamRecord<T>}
 * @param mapper the mapper for {@code T}, resolved once
 * @param function the user's function
 * @author Tributary
 */
public record StreamProcessorDefinition<T>(String name, SourceBinding binding, ProcessorOptions options,
		ResolvableType recordType, ImageMapper<T> mapper,
		Function<Flux<StreamRecord<T>>, Mono<Void>> function) implements ProcessorDefinition<StreamRecord<T>> {

	public StreamProcessorDefinition {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(binding, "'binding' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(recordType, "'recordType' must not be null");
		Assert.notNull(mapper, "'mapper' must not be null");
		Assert.notNull(function, "'function' must not be null");
	}

	/**
	 * The record type: the {@code T} of {@code StreamRecord<T>}.
	 * @return the record type
	 */
	@Override
	public ResolvableType payloadType() {
		return this.recordType;
	}

	@Override
	public String toString() {
		return "StreamProcessorDefinition[name=" + this.name + ", binding=" + this.binding + ", recordType="
				+ this.recordType + ", options=" + this.options + "]";
	}

	@Override
	public StreamProcessorDefinition<T> withFunction(Function<Flux<StreamRecord<T>>, Mono<Void>> function) {
		return new StreamProcessorDefinition<>(this.name, this.binding, this.options, this.recordType, this.mapper, function);
	}

}
