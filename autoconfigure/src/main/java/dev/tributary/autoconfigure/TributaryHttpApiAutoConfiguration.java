package dev.tributary.autoconfigure;

import dev.tributary.HttpApiDefinition;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that publishes the application's {@link HttpApiDefinition}, which deploy
 * reads to provision the API function, its URL and its role.
 *
 * @author Tributary
 */
@AutoConfiguration
@EnableConfigurationProperties(HttpApiProperties.class)
public final class TributaryHttpApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HttpApiDefinition tributaryHttpApiDefinition(HttpApiProperties properties, Environment environment) {
		return HttpApiDefinitions.of(properties, environment);
	}

}
