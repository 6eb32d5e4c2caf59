package dev.tributary.local.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * (milliseconds); and, tagged with {@code processor} and {@code operation},
 * {@code tributary.aws.errors} (also tagged {@code error}) and {@code tributary.aws.retries}.
 *
 * @author Tributary
 */
public final class MicrometerRuntimeMetrics implements RuntimeMetrics {

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<String, IteratorAge> iteratorAges = new ConcurrentHashMap<>();

	/**
	 * Create metrics in a registry.
	 * @param registry the registry
	 */
	public MicrometerRuntimeMetrics(MeterRegistry registry) {
		this(registry, Clock.systemUTC());
	}

	/**
	 * Create metrics in a registry.
	 * @param registry the registry
	 * @param clock the clock a failing read's growing iterator age is measured with
	 */
	public MicrometerRuntimeMetrics(MeterRegistry registry, Clock clock) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.registry = registry;
		this.clock = clock;
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
		iteratorAgeOf(processor, table).measured(Math.max(0, age.toMillis()), this.clock.instant());
	}

	@Override
	public void readFailing(String processor, String table) {
		iteratorAgeOf(processor, table).failing(this.clock.instant());
	}

	@Override
	public void awsCallFailed(String processor, String operation, String error) {
		Counter.builder("tributary.aws.errors")
			.tags("processor", processor, "operation", operation, "error", error)
			.register(this.registry)
			.increment();
	}

	@Override
	public void awsCallRetried(String processor, String operation) {
		Counter.builder("tributary.aws.retries")
			.tags("processor", processor, "operation", operation)
			.register(this.registry)
			.increment();
	}

	private IteratorAge iteratorAgeOf(String processor, String table) {
		return this.iteratorAges.computeIfAbsent(processor + "\u0000" + table, (key) -> {
			IteratorAge age = new IteratorAge(this.clock);
			Gauge.builder("tributary.iterator.age", age, IteratorAge::millis)
				.tags(tags(processor, table))
				.baseUnit("milliseconds")
				.register(this.registry);
			return age;
		});
	}

	private static Tags tags(String processor, String table) {
		return Tags.of("processor", processor, "table", table);
	}

	/**
	 * The age measured at the last successful read; while reads fail, plus the time since then,
	 * because the backlog grows by that much (records keep arriving, none is read).
	 */
	private static final class IteratorAge {

		private final Clock clock;

		private long measuredMillis;

		private Instant measuredAt;

		private boolean failing;

		IteratorAge(Clock clock) {
			this.clock = clock;
			this.measuredAt = clock.instant();
		}

		synchronized void measured(long millis, Instant at) {
			this.measuredMillis = millis;
			this.measuredAt = at;
			this.failing = false;
		}

		synchronized void failing(Instant at) {
			if (!this.failing) {
				this.failing = true;
				if (this.measuredAt.isAfter(at)) {
					this.measuredAt = at;
				}
			}
		}

		synchronized double millis() {
			if (!this.failing) {
				return this.measuredMillis;
			}
			long since = Duration.between(this.measuredAt, this.clock.instant()).toMillis();
			return this.measuredMillis + Math.max(0, since);
		}

	}

}
