package dev.tributary.local.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.tributary.local.RuntimeMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.springframework.util.Assert;

/**
 * {@link RuntimeMetrics} as Micrometer meters, tagged with {@code processor} and {@code table}:
 * {@code tributary.records} (processed), {@code tributary.batches} (tagged
 * {@code outcome=success|failure}), {@code tributary.batch.duration}, {@code tributary.retries},
 * {@code tributary.records.failed} (given up on) and the {@code tributary.iterator.age} gauge
 * (milliseconds).
 *
 * @author Tributary
 */
public final class MicrometerRuntimeMetrics implements RuntimeMetrics {

	private final MeterRegistry registry;

	private final Map<String, AtomicLong> iteratorAges = new ConcurrentHashMap<>();

	/**
	 * Create metrics in a registry.
	 * @param registry the registry
	 */
	public MicrometerRuntimeMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	@Override
	public void batchSucceeded(String processor, String table, int records, Duration duration) {
		Tags tags = tags(processor, table);
		Counter.builder("tributary.records").tags(tags).register(this.registry).increment(records);
		if (!duration.isZero()) {
			Counter.builder("tributary.batches").tags(tags).tag("outcome", "success").register(this.registry).increment();
			Timer.builder("tributary.batch.duration").tags(tags).register(this.registry).record(duration);
		}
	}

	@Override
	public void batchFailed(String processor, String table, Duration duration) {
		Tags tags = tags(processor, table);
		Counter.builder("tributary.batches").tags(tags).tag("outcome", "failure").register(this.registry).increment();
		Timer.builder("tributary.batch.duration").tags(tags).register(this.registry).record(duration);
	}

	@Override
	public void retried(String processor, String table) {
		Counter.builder("tributary.retries").tags(tags(processor, table)).register(this.registry).increment();
	}

	@Override
	public void recordsFailed(String processor, String table, int records) {
		Counter.builder("tributary.records.failed").tags(tags(processor, table)).register(this.registry)
			.increment(records);
	}

	@Override
	public void iteratorAge(String processor, String table, Duration age) {
		this.iteratorAges.computeIfAbsent(processor + "\u0000" + table, (key) -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder("tributary.iterator.age", value, AtomicLong::get)
				.tags(tags(processor, table))
				.baseUnit("milliseconds")
				.register(this.registry);
			return value;
		}).set(Math.max(0, age.toMillis()));
	}

	private static Tags tags(String processor, String table) {
		return Tags.of("processor", processor, "table", table);
	}

}
