package dev.tributary.deploy.sqs;

import java.time.Duration;
import java.util.List;

import dev.tributary.deploy.DeployException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link VisibilityTimeoutCheck}.
 *
 * @author Tributary
 */
class VisibilityTimeoutCheckTests {

	private static final String SETTING = "tributary.queues.orders.visibility-timeout";

	@Test
	void sixTimesTheFunctionTimeoutOrMorePassesWithoutAWarning() {
		assertThat(check(Duration.ofMinutes(3), Duration.ofSeconds(30))).isEmpty();
		assertThat(check(Duration.ofHours(1), Duration.ofSeconds(30))).isEmpty();
	}

	@Test
	void fromOnceToBelowSixTimesTheFunctionTimeoutWarnsWithTheRecommendedValue() {
		assertThat(check(Duration.ofSeconds(30), Duration.ofSeconds(30))).hasValueSatisfying((warning) -> assertThat(
				warning)
			.startsWith("visibility timeout 30s (" + SETTING + ") is less than the 180s AWS recommends, 6 times "
					+ "tributary.deploy.function.timeout (30s)")
			.endsWith("Set " + SETTING + " to 180s or more"));
		assertThat(check(Duration.ofSeconds(179), Duration.ofSeconds(30))).isPresent();
	}

	@Test
	void belowTheFunctionTimeoutFailsNamingBothSettingsAndWhatToSetThem() {
		assertThatExceptionOfType(DeployException.class)
			.isThrownBy(() -> check(Duration.ofSeconds(29), Duration.ofSeconds(30)))
			.withMessageContaining("(" + SETTING + " = 29s) is shorter than the timeout of the function of "
					+ "processor(s) [handleOrders] (tributary.deploy.function.timeout = 30s)")
			.withMessageEndingWith("Set " + SETTING + " to at least 30s (AWS recommends 6 times the function "
					+ "timeout, 180s), or lower tributary.deploy.function.timeout");
	}

	private static java.util.Optional<String> check(Duration visibility, Duration function) {
		return VisibilityTimeoutCheck.check("orders", List.of("handleOrders"), visibility, SETTING, "Set " + SETTING,
				function);
	}

}
