package dev.tributary.deploy.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import dev.tributary.HttpApiDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.autoconfigure.local.EndpointFailureInterceptor;
import dev.tributary.aws.AwsConnection;
import dev.tributary.deploy.DeployClients;
import dev.tributary.deploy.DeployOptions;
import dev.tributary.deploy.DeployOutput;
import dev.tributary.deploy.Deployer;
import dev.tributary.deploy.retry.Retrier;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Deploy mode: active only when {@code tributary.deploy.command} is set, it runs the command
 * against the processors of the {@link StreamProcessorRegistry} and exits.
 *
 * @author Tributary
 */
// The AwsConnection comes from the same auto-configuration the local runtime uses; in deploy mode
// the local runtime and its emulator are off, so it is the configured endpoint or AWS itself.
@AutoConfiguration(afterName = { "dev.tributary.autoconfigure.TributaryAutoConfiguration",
		"dev.tributary.autoconfigure.local.TributaryLocalAwsAutoConfiguration" })
@ConditionalOnProperty(prefix = DeployProperties.PREFIX, name = "command")
@EnableConfigurationProperties(DeployProperties.class)
public final class DeployAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DeployOptions tributaryDeployOptions(DeployProperties properties, Environment environment,
			ApplicationContext context, ObjectProvider<HttpApiDefinition> api) {
		DeployOptions options = DeployOptionsFactory.create(properties,
				environment.getProperty("spring.application.name"), mainClass(context), Path.of("").toAbsolutePath());
		ClassLoader classLoader = (context.getClassLoader() != null) ? context.getClassLoader()
				: DeployAutoConfiguration.class.getClassLoader();
		return options.toBuilder()
			.api(HttpApiDetection.detect(api.getIfAvailable(), context.getAutowireCapableBeanFactory(), classLoader))
			.kcl("kcl".equalsIgnoreCase(environment.getProperty("tributary.runtime", "local").trim()))
			.build();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	DeployClients tributaryDeployClients(AwsConnection connection) {
		// A configured endpoint where nothing answers is named, with its property, as the local runtime does.
		return DeployClients.create(connection, (connection.endpoint() != null)
				? List.of(new EndpointFailureInterceptor(connection.endpoint().toString(), "spring.cloud.aws.endpoint"))
				: List.of());
	}

	@Bean
	@ConditionalOnMissingBean
	DeployOutput tributaryDeployOutput() {
		return DeployOutput.STDOUT;
	}

	@Bean
	@ConditionalOnMissingBean
	Deployer tributaryDeployer(DeployClients clients, DeployOutput output) {
		return new Deployer(clients, Retrier.standard(), output);
	}

	@Bean
	@ConditionalOnMissingBean
	DeployCommandRunner tributaryDeployCommandRunner(DeployProperties properties, Deployer deployer,
			ObjectProvider<StreamProcessorRegistry> registry, DeployOptions options, DeployClients clients,
			DeployOutput output) {
		StreamProcessorRegistry processors = registry.getIfAvailable();
		if (processors == null) {
			throw new IllegalStateException("Deploy mode needs the StreamProcessorRegistry bean: add "
					+ "tributary-spring-boot-starter and declare @DynamoDbStreamProcessor or @KinesisStreamProcessor beans");
		}
		return new DeployCommandRunner(java.util.Objects.requireNonNull(properties.getCommand()), deployer, processors,
				options, clients, properties.getLogs(), output);
	}

	@Bean
	@ConditionalOnProperty(prefix = DeployProperties.PREFIX, name = "exit", matchIfMissing = true)
	static DeployExitListener tributaryDeployExitListener() {
		return new DeployExitListener();
	}

	private static @Nullable String mainClass(ApplicationContext context) {
		for (String name : context.getBeanNamesForAnnotation(SpringBootConfiguration.class)) {
			Class<?> type = context.getType(name);
			if (type != null) {
				return ClassUtils.getUserClass(type).getName();
			}
		}
		return null;
	}

}
