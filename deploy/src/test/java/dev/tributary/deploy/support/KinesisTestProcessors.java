package dev.tributary.deploy.support;

import java.util.List;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import dev.tributary.KinesisStreamOptions;
import dev.tributary.ProcessorOptions;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.registry.DefaultStreamProcessorRegistry;

import org.springframework.core.ResolvableType;

/**
 * Kinesis processors and streams built by hand, standing in for what processor discovery and
 * {@code tributary.streams.<id>} give.
 *
 * @author Tributary
 */
public final class KinesisTestProcessors {

	private KinesisTestProcessors() {
	}

	/**
	 * A provisioned stream the application owns.
	 * @param id the id processors use
	 * @param name the physical name
	 * @param shards its shard count
	 * @return the stream
	 */
	public static KinesisStreamDescriptor provisioned(String id, String name, int shards) {
		return new KinesisStreamDescriptor(id, name, null, KinesisStreamMode.PROVISIONED, shards);
	}

	/**
	 * An existing stream named by its ARN, as the binding resolver describes one.
	 * @param arn the ARN
	 * @return the stream
	 */
	public static KinesisStreamDescriptor existing(String arn) {
		return new KinesisStreamDescriptor(arn, arn.substring(arn.lastIndexOf('/') + 1), arn,
				KinesisStreamMode.PROVISIONED, 1);
	}

	/**
	 * A processor of {@code String} payloads.
	 * @param name the processor name
	 * @param stream the stream it reads
	 * @param source its Kinesis options
	 * @param options its common options
	 * @return the processor
	 */
	public static KinesisProcessorDefinition<String> processor(String name, KinesisStreamDescriptor stream,
			KinesisStreamOptions source, ProcessorOptions options) {
		return new KinesisProcessorDefinition<>(name, new KinesisStreamBinding(stream, source), options,
				ResolvableType.forClass(String.class), (records) -> records.then());
	}

	/**
	 * A processor of {@code String} payloads with the default options.
	 * @param name the processor name
	 * @param stream the stream it reads
	 * @return the processor
	 */
	public static KinesisProcessorDefinition<String> processor(String name, KinesisStreamDescriptor stream) {
		return processor(name, stream, KinesisStreamOptions.defaults(), ProcessorOptions.defaults());
	}

	/**
	 * A registry of Kinesis processors only.
	 * @param processors the processors
	 * @return the registry
	 */
	public static StreamProcessorRegistry registry(KinesisProcessorDefinition<?>... processors) {
		return new DefaultStreamProcessorRegistry(List.of(processors));
	}

}
