package dev.tributary.autoconfigure.lambda;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaEnvironmentPostProcessorTests {

	private final LambdaEnvironmentPostProcessor postProcessor = new LambdaEnvironmentPostProcessor();

	@Test
	void quietensTheAdapterByDefault() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.level.org.springframework.cloud.function.adapter.aws"))
			.isEqualTo("WARN");
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

	@Test
	void letsUsersOverrideTheAdapterLogLevel() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("logging.level.org.springframework.cloud.function.adapter.aws", "DEBUG");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.level.org.springframework.cloud.function.adapter.aws"))
			.isEqualTo("DEBUG");
	}

	@Test
	void turnsOffTheWebServerInsideLambda() {
		MockEnvironment environment = new MockEnvironment().withProperty("AWS_LAMBDA_FUNCTION_NAME", "items");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void treatsTheEnabledPropertyAsLambda() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getSystemProperties().put("tributary.lambda.enabled", "true");
		try {
			this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		}
		finally {
			environment.getSystemProperties().remove("tributary.lambda.enabled");
		}
	}

}
