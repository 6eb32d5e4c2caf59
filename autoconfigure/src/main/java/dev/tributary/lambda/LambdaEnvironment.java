package dev.tributary.lambda;

import org.springframework.core.env.Environment;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Tells whether the application runs inside AWS Lambda, so that parts that make no sense there
 * (the local runtime, a web server) can back off.
 *
 * @author Tributary
 */
public final class LambdaEnvironment {

	/** Property that forces (or, set to {@code false}, denies) Lambda mode. */
	public static final String ENABLED_PROPERTY = "tributary.lambda.enabled";

	private static final String[] LAMBDA_VARIABLES = { "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_RUNTIME_API" };

	private LambdaEnvironment() {
	}

	/**
	 * Whether the application runs as a Lambda function: {@value #ENABLED_PROPERTY} when set,
	 * else whether the Lambda runtime's {@code AWS_LAMBDA_FUNCTION_NAME} or
	 * {@code AWS_LAMBDA_RUNTIME_API} environment variable is present.
	 * @param environment the environment
	 * @return whether this is Lambda
	 */
	public static boolean isLambda(Environment environment) {
		Assert.notNull(environment, "'environment' must not be null");
		Boolean enabled = environment.getProperty(ENABLED_PROPERTY, Boolean.class);
		if (enabled != null) {
			return enabled;
		}
		for (String variable : LAMBDA_VARIABLES) {
			if (StringUtils.hasText(environment.getProperty(variable))) {
				return true;
			}
		}
		return false;
	}

}
