package dev.tributary.lambda;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaEnvironmentTests {

	@Test
	void isNotLambdaByDefault() {
		assertThat(LambdaEnvironment.isLambda(new MockEnvironment())).isFalse();
	}

	@Test
	void detectsTheLambdaRuntimeVariables() {
		assertThat(LambdaEnvironment.isLambda(new MockEnvironment().withProperty("AWS_LAMBDA_FUNCTION_NAME", "f")))
			.isTrue();
		assertThat(LambdaEnvironment
			.isLambda(new MockEnvironment().withProperty("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"))).isTrue();
	}

	@Test
	void letsThePropertyDecide() {
		assertThat(LambdaEnvironment.isLambda(new MockEnvironment().withProperty("tributary.lambda.enabled", "true")))
			.isTrue();
		assertThat(LambdaEnvironment.isLambda(new MockEnvironment().withProperty("tributary.lambda.enabled", "false")
			.withProperty("AWS_LAMBDA_FUNCTION_NAME", "f"))).isFalse();
	}

	@Test
	void namesTheFunctionAfterTheProcessor() {
		assertThat(LambdaHandlers.functionDefinitionFor("logItems")).isEqualTo("logItems");
	}

}
