package dev.tributary.autoconfigure.lambda;

import java.util.HashMap;
import java.util.Map;

import dev.tributary.lambda.LambdaEnvironment;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Adds Lambda defaults with the lowest precedence, so that any property source overrides them:
 * the AWS adapter logs at WARN (at INFO it logs every received event in full), and inside Lambda
 * the application is not a web application.
 *
 * @author Tributary
 */
public class LambdaEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "tributaryLambdaDefaults";

	private static final String ADAPTER_CLASS = "org.springframework.cloud.function.adapter.aws.FunctionInvoker";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ClassUtils.isPresent(ADAPTER_CLASS, application.getClassLoader())) {
			return;
		}
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("logging.level.org.springframework.cloud.function.adapter.aws", "WARN");
		if (LambdaEnvironment.isLambda(environment)) {
			defaults.put("spring.main.web-application-type", "none");
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	@Override
	public int getOrder() {
		// After config data, so that tributary.lambda.enabled from application.properties counts.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
