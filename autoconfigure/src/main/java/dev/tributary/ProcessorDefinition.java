package dev.tributary;

import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;

/**
 * A discovered processor of any source: the user's function over the source's elements
 * {@code E}, what it reads (a {@link SourceBinding} with that source's own settings) and its
 * common options. Each source has its own definition type with what only it needs (DynamoDB's
 * {@link StreamProcessorDefinition} carries the image mapper, for instance); the runtimes read
 * them from the {@link StreamProcessorRegistry} and pick a source's code by its binding.
 *
 * @param <E> the element type: {@code StreamRecord<T>}, {@code KinesisRecord<T>}, ...
 * @author Tributary
 */
public interface ProcessorDefinition<E extends SourceRecord> {

	/**
	 * The processor's name: its bean name.
	 * @return the name
	 */
	String name();

	/**
	 * What the processor reads, with the settings only that kind of source has.
	 * @return the binding
	 */
	SourceBinding binding();

	/**
	 * The settings every source shares: batch size, window, retries, filters, ...
	 * @return the common options
	 */
	ProcessorOptions options();

	/**
	 * The {@code T} of the element: the record type of {@code StreamRecord<T>}, the payload type
	 * of {@code KinesisRecord<T>}.
	 * @return the payload type
	 */
	ResolvableType payloadType();

	/**
	 * The user's function.
	 * @return the function
	 */
	Function<Flux<E>, Mono<Void>> function();

	/**
	 * The same processor with another function: what priming runs the processor's path with,
	 * so that the user's function is not called.
	 * @param function the function to run instead
	 * @return a copy of this definition with that function
	 */
	ProcessorDefinition<E> withFunction(Function<Flux<E>, Mono<Void>> function);

}
