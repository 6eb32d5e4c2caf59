package dev.tributary.autoconfigure;

import dev.tributary.ProcessorDefinition;
import dev.tributary.kinesis.PayloadMappers;
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

	/**
	 * Check that a payload type is one the payload mappers take (a record or bean, {@code String},
	 * {@code byte[]}, {@code JsonNode}): the check of the sources whose payload is bytes.
	 * @param name the bean name
	 * @param payloadType the {@code T} of the bean's element type
	 * @param element the element class's simple name, for the message ({@code KinesisRecord})
	 * @throws InvalidProcessorBindingException when no mapper takes the type
	 */
	static void checkPayloadType(String name, ResolvableType payloadType, String element) {
		try {
			PayloadMappers.forType(payloadType);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidProcessorBindingException("the payload type of processor '" + name + "'",
					payloadType.toString(), String.valueOf(ex.getMessage()),
					"Declare the processor as Function<Flux<" + element + "<T>>, Mono<Void>> with a supported T.");
		}
	}

}
