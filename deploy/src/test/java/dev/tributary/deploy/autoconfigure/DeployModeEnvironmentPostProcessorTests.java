package dev.tributary.deploy.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeployModeEnvironmentPostProcessor}.
 *
 * @author Tributary
 */
class DeployModeEnvironmentPostProcessorTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	private final DeployModeEnvironmentPostProcessor postProcessor = new DeployModeEnvironmentPostProcessor();

	@Test
	void deployModeDefaultsToNoWebServerAndNoLocalRuntime() {
		properties(Map.of("tributary.deploy.command", "plan"));

		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());

		assertThat(this.environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(this.environment.getProperty("tributary.local.enabled")).isEqualTo("false");
	}

	@Test
	void valuesTheUserSetWin() {
		properties(Map.of("tributary.deploy.command", "deploy", "spring.main.web-application-type", "servlet",
				"tributary.local.enabled", "true"));

		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());

		assertThat(this.environment.getProperty("spring.main.web-application-type")).isEqualTo("servlet");
		assertThat(this.environment.getProperty("tributary.local.enabled")).isEqualTo("true");
	}

	@Test
	void changesNothingOutsideDeployMode() {
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());

		assertThat(this.environment.getPropertySources().contains(DeployModeEnvironmentPostProcessor.SOURCE_NAME))
			.isFalse();
		assertThat(this.environment.getProperty("spring.main.web-application-type")).isNull();
		assertThat(this.environment.getProperty("tributary.local.enabled")).isNull();
	}

	@Test
	void isRegisteredSoThatBootAppliesIt() {
		SpringApplication application = new SpringApplication(Empty.class);
		try (ConfigurableApplicationContext context = application.run("--tributary.deploy.command=plan")) {
			assertThat(context.getEnvironment().getProperty("tributary.local.enabled")).isEqualTo("false");
			assertThat(context.getEnvironment().getProperty("spring.main.web-application-type")).isEqualTo("none");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	private void properties(Map<String, Object> properties) {
		this.environment.getPropertySources().addFirst(new MapPropertySource("user", properties));
	}

}
