package dev.tributary.deploy.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In deploy mode ({@code tributary.deploy.command} set), defaults the application to no web
 * server and no local stream runtime, so a deploy never starts consuming streams. Explicit
 * settings still win: these are the lowest-precedence values.
 *
 * @author Tributary
 */
class DeployModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "tributaryDeployMode";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty(DeployProperties.PREFIX + ".command") == null) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(SOURCE_NAME, Map.of("spring.main.web-application-type", "none",
					"tributary.local.enabled", "false", "spring.main.banner-mode", "off")));
	}

}
