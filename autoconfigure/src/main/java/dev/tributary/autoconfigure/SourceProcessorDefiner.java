package dev.tributary.autoconfigure;

import dev.tributary.ProcessorDefinition;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * What the discovery asks of each source: which element type marks its processor beans
 * ({@code Function<Flux<E<T>>, Mono<Void>>}), and how to turn one such bean into the source's
 * {@link ProcessorDefinition}: resolve its binding from its annotation and properties, check its
 * payload type. A new source adds one definer; the discovery itself does not change.
 *
 * @author Tributary
 */
interface SourceProcessorDefiner {

	/**
	 * The element class of the source's processors, such as {@code StreamRecord.class}.
	 * @return the element class
	 */
	Class<?> elementType();

	/**
	 * Define one processor.
	 * @param name the bean name
	 * @param payloadType the {@code T} of the bean's element type
	 * @param properties its {@code tributary.processors.<name>.*} settings, if any
	 * @return the definition
	 * @throws InvalidProcessorBindingException when the binding or the payload type is invalid
	 */
	ProcessorDefinition<?> define(String name, ResolvableType payloadType,
			TributaryProperties.@Nullable Processor properties);

}
