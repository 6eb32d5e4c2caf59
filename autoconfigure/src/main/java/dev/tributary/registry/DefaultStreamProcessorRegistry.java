package dev.tributary.registry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.SourceBinding;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;

import org.springframework.util.Assert;

/**
 * An immutable {@link StreamProcessorRegistry} over a fixed list of processors.
 *
 * @author Tributary
 */
public final class DefaultStreamProcessorRegistry implements StreamProcessorRegistry {

	private final Map<String, StreamProcessorDefinition<?>> processors;

	private final List<KinesisProcessorDefinition<?>> kinesisProcessors;

	private final List<SourceBinding> bindings;

	/**
	 * Create a registry.
	 * @param processors the processors; names must be unique
	 */
	public DefaultStreamProcessorRegistry(List<? extends StreamProcessorDefinition<?>> processors) {
		this(processors, List.of());
	}

	/**
	 * Create a registry.
	 * @param processors the processors; names must be unique
	 * @param kinesisProcessors the Kinesis processors; names must be unique
	 */
	public DefaultStreamProcessorRegistry(List<? extends StreamProcessorDefinition<?>> processors,
			List<? extends KinesisProcessorDefinition<?>> kinesisProcessors) {
		Assert.notNull(processors, "'processors' must not be null");
		Assert.notNull(kinesisProcessors, "'kinesisProcessors' must not be null");
		this.kinesisProcessors = kinesisProcessors.stream()
			.<KinesisProcessorDefinition<?>>map((processor) -> processor)
			.sorted(Comparator.comparing(KinesisProcessorDefinition::name))
			.toList();
		this.processors = processors.stream()
			.sorted(Comparator.comparing(StreamProcessorDefinition::name))
			.collect(Collectors.toMap(StreamProcessorDefinition::name, Function.identity(), (a, b) -> {
				throw new IllegalArgumentException("Two processors are named '" + a.name() + "'");
			}, LinkedHashMap::new));
		this.bindings = Stream
			.concat(this.processors.values().stream().map(StreamProcessorDefinition::binding),
					this.kinesisProcessors.stream().map(KinesisProcessorDefinition::binding))
			.distinct()
			.toList();
	}

	@Override
	public List<StreamProcessorDefinition<?>> getProcessors() {
		return List.copyOf(this.processors.values());
	}

	@Override
	public Optional<StreamProcessorDefinition<?>> getProcessor(String name) {
		return Optional.ofNullable(this.processors.get(name));
	}

	@Override
	public List<KinesisProcessorDefinition<?>> getKinesisProcessors() {
		return this.kinesisProcessors;
	}

	@Override
	public List<SourceBinding> getBindings() {
		return this.bindings;
	}

	@Override
	public String toString() {
		return "DefaultStreamProcessorRegistry" + this.processors.keySet()
				+ this.kinesisProcessors.stream().map(KinesisProcessorDefinition::name).toList();
	}

}
