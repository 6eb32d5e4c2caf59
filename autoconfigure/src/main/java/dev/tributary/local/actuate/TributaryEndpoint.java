package dev.tributary.local.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tributary.local.ProcessorStatus;
import dev.tributary.local.runtime.LocalStreamRuntime;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.util.Assert;

/**
 * Actuator endpoint {@code tributary}: each processor of the local runtime with its table,
 * stream, and shards with their state and checkpoint.
 *
 * @author Tributary
 */
@Endpoint(id = "tributary")
public class TributaryEndpoint {

	private final LocalStreamRuntime runtime;

	/**
	 * Create the endpoint.
	 * @param runtime the local runtime
	 */
	public TributaryEndpoint(LocalStreamRuntime runtime) {
		Assert.notNull(runtime, "'runtime' must not be null");
		this.runtime = runtime;
	}

	/**
	 * Every processor, by name.
	 * @return the processors
	 */
	@ReadOperation
	public Map<String, ProcessorStatus> processors() {
		Map<String, ProcessorStatus> processors = new LinkedHashMap<>();
		this.runtime.getStatus().forEach((status) -> processors.put(status.name(), status));
		return processors;
	}

}
