package dev.tributary.autoconfigure.local;

import dev.tributary.test.StartupFailures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRuntimePropertiesValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryLocalAwsAutoConfiguration.class))
		.withPropertyValues("spring.cloud.aws.endpoint=http://localhost:1", "tributary.local.enabled=false");

	@Test
	void theDefaultsAreValid() {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aNegativePollIntervalNamesThePropertyTheValueAndWhatIsValid() {
		this.runner.withPropertyValues("tributary.local.poll-interval=-1s")
			.run(failsWith("Property: tributary.local.poll-interval", "Value: \"PT-1S\"",
					"Reason: must be a positive duration, such as 250ms"));
	}

	@Test
	void aZeroShardDiscoveryIntervalIsRejected() {
		this.runner.withPropertyValues("tributary.local.shard-discovery-interval=0")
			.run(failsWith("Property: tributary.local.shard-discovery-interval", "Value: \"PT0S\"",
					"must be a positive duration, such as 10s"));
	}

	@Test
	void zeroShardThreadsAreRejected() {
		this.runner.withPropertyValues("tributary.local.max-shard-threads=0")
			.run(failsWith("Property: tributary.local.max-shard-threads", "Value: \"0\"", "must be at least 1"));
	}

	@Test
	void aNegativeShutdownTimeoutIsRejectedButZeroIsValid() {
		this.runner.withPropertyValues("tributary.local.shutdown-timeout=-5s")
			.run(failsWith("Property: tributary.local.shutdown-timeout", "Value: \"PT-5S\"",
					"must be zero (abandon in-flight batches at once) or a positive duration"));
		this.runner.withPropertyValues("tributary.local.shutdown-timeout=0s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aMaximumBackoffBelowTheInitialWaitIsRejected() {
		this.runner.withPropertyValues("tributary.local.retry-backoff.initial=2s", "tributary.local.retry-backoff.max=1s")
			.run(failsWith("Property: tributary.local.retry-backoff.max", "Value: \"PT1S\"",
					"must not be shorter than the initial wait (PT2S)"));
	}

	@Test
	void aZeroThrottleBackoffIsRejected() {
		this.runner.withPropertyValues("tributary.local.throttle-backoff.initial=0ms")
			.run(failsWith("Property: tributary.local.throttle-backoff.initial", "Value: \"PT0S\"",
					"must be a positive duration, such as 250ms"));
	}

	@Test
	void aZeroEmulatorStartupTimeoutIsRejected() {
		this.runner.withPropertyValues("tributary.local.emulator.startup-timeout=0s")
			.run(failsWith("Property: tributary.local.emulator.startup-timeout", "must be a positive duration"));
	}

	@Test
	void anInvalidCheckpointTableNameIsRejected() {
		this.runner.withPropertyValues("tributary.local.checkpoints.table-name=x")
			.run(failsWith("Property: tributary.local.checkpoints.table-name", "Value: \"x\"",
					"3 to 255 letters, digits"));
	}

	private static ContextConsumer<AssertableApplicationContext> failsWith(String... expected) {
		return (context) -> {
			assertThat(context).hasFailed();
			assertThat(StartupFailures.analysisOf(context.getStartupFailure())).contains(expected);
		};
	}

}
