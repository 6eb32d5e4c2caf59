package dev.tributary;

import java.util.List;
import java.util.Optional;

/**
 * Every stream processor the application declares, discovered once at startup. The single
 * source of truth for the Lambda runtime, the local runtime and deploy.
 *
 * @author Tributary
 */
public interface StreamProcessorRegistry {

	/**
	 * The processors, in a stable order (by name).
	 * @return the processors
	 */
	List<StreamProcessorDefinition<?>> getProcessors();

	/**
	 * Find a processor by name.
	 * @param name the processor's (bean) name
	 * @return the processor, if one has that name
	 */
	Optional<StreamProcessorDefinition<?>> getProcessor(String name);

	/**
	 * The tables the processors read from, each once, in a stable order (by id).
	 * @return the tables
	 */
	List<TableDescriptor> getTables();

}
