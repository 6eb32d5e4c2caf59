package dev.tributary.registry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tributary.ProcessorDefinition;
import dev.tributary.SourceBinding;
import dev.tributary.StreamProcessorRegistry;

import org.springframework.util.Assert;

/**
 * An immutable {@link StreamProcessorRegistry} over a fixed list of processors.
 *
 * @author Tributary
 */
public final class DefaultStreamProcessorRegistry implements StreamProcessorRegistry {

	private final Map<String, ProcessorDefinition<?>> processors;

	private final List<SourceBinding> bindings;

	/**
	 * Create a registry.
	 * @param processors the processors of every source; names must be unique
	 */
	public DefaultStreamProcessorRegistry(List<? extends ProcessorDefinition<?>> processors) {
		Assert.notNull(processors, "'processors' must not be null");
		this.processors = processors.stream()
			.<ProcessorDefinition<?>>map((processor) -> processor)
			.sorted(Comparator.comparing(ProcessorDefinition::name))
			.collect(Collectors.toMap(ProcessorDefinition::name, Function.identity(), (a, b) -> {
				throw new IllegalArgumentException("Two processors are named '" + a.name() + "'");
			}, LinkedHashMap::new));
		this.bindings = this.processors.values().stream().map(ProcessorDefinition::binding).distinct().toList();
	}

	@Override
	public List<ProcessorDefinition<?>> getProcessors() {
		return List.copyOf(this.processors.values());
	}

	@Override
	public Optional<ProcessorDefinition<?>> getProcessor(String name) {
		return Optional.ofNullable(this.processors.get(name));
	}

	@Override
	public List<SourceBinding> getBindings() {
		return this.bindings;
	}

	@Override
	public String toString() {
		return "DefaultStreamProcessorRegistry" + this.processors.keySet();
	}

}
