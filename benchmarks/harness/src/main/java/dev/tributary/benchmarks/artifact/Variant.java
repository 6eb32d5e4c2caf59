package dev.tributary.benchmarks.artifact;

import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One thing measured: a deployment artifact and how Lambda would run it.
 *
 * @param id short name in the table: {@code B0}, {@code B1} or {@code S}
 * @param description what it is
 * @param artifact the deployment artifact, or {@code null} when it has not been built
 * @param handler Lambda's handler string, {@code class::method}
 * @param environment the function's environment variables
 * @param lowLogging environment variables that turn per-record logging off
 * @author Tributary
 */
public record Variant(String id, String description, @Nullable Path artifact, String handler,
		Map<String, String> environment, Map<String, String> lowLogging) {

	/**
	 * Whether the artifact exists.
	 * @return whether this variant can be measured
	 */
	public boolean isAvailable() {
		return this.artifact != null;
	}

}
