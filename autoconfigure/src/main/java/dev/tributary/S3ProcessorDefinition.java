package dev.tributary;

import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * A discovered S3 event processor: a {@code Function<Flux<S3EventRecord>, Mono<Void>>} bean and
 * the bucket notifications it reads.
 *
 * @param name the processor's bean name
 * @param binding what it reads
 * @param options its common options
 * @param function the user's function
 * @author Tributary
 */
public record S3ProcessorDefinition(String name, S3EventBinding binding, ProcessorOptions options,
		Function<Flux<S3EventRecord>, Mono<Void>> function) implements ProcessorDefinition<S3EventRecord> {

	public S3ProcessorDefinition {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(binding, "'binding' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(function, "'function' must not be null");
	}

	/**
	 * S3 records carry no payload of their own: the element type itself.
	 * @return {@code S3EventRecord}
	 */
	@Override
	public ResolvableType payloadType() {
		return ResolvableType.forClass(S3EventRecord.class);
	}

	@Override
	public String toString() {
		return "S3ProcessorDefinition[name=" + this.name + ", binding=" + this.binding + ", options=" + this.options
				+ "]";
	}

	@Override
	public S3ProcessorDefinition withFunction(Function<Flux<S3EventRecord>, Mono<Void>> function) {
		return new S3ProcessorDefinition(this.name, this.binding, this.options, function);
	}

}
