package dev.tributary.autoconfigure.local;

import java.time.Duration;
import java.util.List;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.local.LocalRuntimeOptions;
import dev.tributary.registry.DefaultStreamProcessorRegistry;
import dev.tributary.test.MotoServerExtension;
import dev.tributary.test.StartupFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tributary.local.lease.*}: defaults, mapping into the runtime's options, and startup
 * failures that name the property, the value and the fix.
 */
@ExtendWith(MotoServerExtension.class)
class LeasePropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryLocalAwsAutoConfiguration.class,
				TributaryLocalRuntimeAutoConfiguration.class))
		.withUserConfiguration(EmptyRegistry.class)
		.withPropertyValues("spring.cloud.aws.endpoint=" + MotoServerExtension.endpoint(),
				"spring.cloud.aws.credentials.access-key=test", "spring.cloud.aws.credentials.secret-key=test");

	@Test
	void leasesLastTenSecondsRenewedEveryThreeByDefault() {
		this.runner.run((context) -> {
			LocalRuntimeOptions options = context.getBean(LocalRuntimeOptions.class);
			assertThat(options.leaseDuration()).isEqualTo(Duration.ofSeconds(10));
			assertThat(options.leaseHeartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
		});
	}

	@Test
	void mapsTheLeasePropertiesToTheOptions() {
		this.runner
			.withPropertyValues("tributary.local.lease.duration=30s", "tributary.local.lease.heartbeat-interval=5s")
			.run((context) -> {
				LocalRuntimeOptions options = context.getBean(LocalRuntimeOptions.class);
				assertThat(options.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
				assertThat(options.leaseHeartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void aHeartbeatNotShorterThanTheLeaseFailsNamingBothPropertiesAndAFix() {
		this.runner
			.withPropertyValues("tributary.local.lease.duration=6s", "tributary.local.lease.heartbeat-interval=6s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(StartupFailures.analysisOf(context.getStartupFailure())).contains(
						"tributary.local.lease.heartbeat-interval", "Value: \"PT6S\"",
						"shorter than tributary.local.lease.duration (PT6S)", "such as PT2S");
			});
	}

	@Test
	void aZeroLeaseDurationFailsNamingTheProperty() {
		this.runner.withPropertyValues("tributary.local.lease.duration=0s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(StartupFailures.analysisOf(context.getStartupFailure()))
					.contains("tributary.local.lease.duration", "must be a positive duration, such as 10s");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyRegistry {

		@Bean
		StreamProcessorRegistry streamProcessorRegistry() {
			return new DefaultStreamProcessorRegistry(List.of());
		}

	}

}
