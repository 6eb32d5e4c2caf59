package dev.tributary.local.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tributary.local.CallProblem;
import dev.tributary.local.ProcessorStatus;
import dev.tributary.local.ShardState;
import dev.tributary.local.ShardStatus;
import dev.tributary.local.runtime.LocalStreamRuntime;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * Health of the local runtime ({@code tributary} in {@code /actuator/health}): {@code DOWN}
 * while a processor cannot read (its shard discovery or a shard is
 * {@link ShardState#UNAVAILABLE}: calls failed {@link CallProblem#UNAVAILABLE_AFTER} times in a
 * row, or the stream or table is gone), {@code UP} otherwise, including while calls fail now
 * and then and are tried again. Details per processor: its state, and for each failing call the
 * operation, the last error's type and message, and since when it fails.
 *
 * @author Tributary
 */
public class TributaryHealthIndicator implements HealthIndicator {

	private final LocalStreamRuntime runtime;

	/**
	 * Create the indicator.
	 * @param runtime the local runtime
	 */
	public TributaryHealthIndicator(LocalStreamRuntime runtime) {
		Assert.notNull(runtime, "'runtime' must not be null");
		this.runtime = runtime;
	}

	@Override
	public Health health() {
		List<ProcessorStatus> processors = this.runtime.getStatus();
		boolean down = processors.stream().anyMatch(ProcessorStatus::isUnavailable);
		Map<String, Object> details = new LinkedHashMap<>();
		processors.forEach((processor) -> details.put(processor.name(), details(processor)));
		Health.Builder health = down ? Health.down() : Health.up();
		return health.withDetails(details).build();
	}

	private static Map<String, Object> details(ProcessorStatus processor) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", state(processor));
		if (processor.streamArn() != null) {
			details.put("stream", processor.streamArn());
		}
		if (processor.discoveryProblem() != null) {
			details.put("discovery", problem(processor.discoveryProblem()));
		}
		Map<String, Object> shards = new LinkedHashMap<>();
		for (ShardStatus shard : processor.shards()) {
			Map<String, Object> shardDetails = new LinkedHashMap<>();
			shardDetails.put("state", shard.state());
			if (shard.problem() != null) {
				shardDetails.putAll(problem(shard.problem()));
			}
			shards.put(shard.shardId(), shardDetails);
		}
		details.put("shards", shards);
		return details;
	}

	/**
	 * One word for the processor: the worst state of its discovery and shards.
	 */
	private static ShardState state(ProcessorStatus processor) {
		if (processor.isUnavailable()) {
			return ShardState.UNAVAILABLE;
		}
		@Nullable CallProblem discovery = processor.discoveryProblem();
		boolean backingOff = discovery != null
				|| processor.shards().stream().anyMatch((shard) -> shard.state() == ShardState.BACKING_OFF);
		if (backingOff) {
			return ShardState.BACKING_OFF;
		}
		if (processor.shards().stream().anyMatch((shard) -> shard.state() == ShardState.THROTTLED)) {
			return ShardState.THROTTLED;
		}
		return processor.running() ? ShardState.READING : ShardState.STOPPED;
	}

	private static Map<String, Object> problem(CallProblem problem) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("operation", problem.operation());
		details.put("lastError", problem.errorType());
		details.put("lastErrorMessage", problem.errorMessage());
		details.put("failedAttempts", problem.failedAttempts());
		details.put("since", problem.since().toString());
		return details;
	}

}
