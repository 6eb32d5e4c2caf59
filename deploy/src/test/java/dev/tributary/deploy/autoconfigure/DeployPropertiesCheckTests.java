package dev.tributary.deploy.autoconfigure;

import dev.tributary.autoconfigure.TributaryAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tributary's startup check of {@code tributary.*} names knows deploy's properties from the
 * deploy module's own configuration metadata when the module is on the class path.
 *
 * @author Tributary
 */
class DeployPropertiesCheckTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryAutoConfiguration.class));

	@Test
	void deploySettingsAreValidWithTheDeployModule() {
		this.runner
			.withPropertyValues("tributary.deploy.stage=prod", "tributary.deploy.function.memory=2GB",
					"tributary.deploy.function.environment.LOG_LEVEL=debug", "tributary.deploy.logs.since=1h")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aMisspelledDeploySettingFailsNamingTheClosestValidOne() {
		this.runner.withPropertyValues("tributary.deploy.function.memroy=2GB").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining(
					"tributary.deploy.function.memroy (from property source 'test'): did you mean "
							+ "tributary.deploy.function.memory?");
		});
	}

}
