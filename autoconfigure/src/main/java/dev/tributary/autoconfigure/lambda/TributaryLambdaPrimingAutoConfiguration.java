package dev.tributary.autoconfigure.lambda;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.lambda.LambdaFunctionRegistrar;
import dev.tributary.lambda.LambdaPrimer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of priming inside Lambda: a {@link LambdaPrimer} over the registered
 * processors, and a {@link LambdaPrimingTrigger} that runs it before the SnapStart snapshot or
 * once the application has started, as {@code tributary.lambda.priming} says (see
 * docs/lambda.md#snapstart-and-priming). The choice is made when the application starts, not
 * by conditions, so that it holds in a context processed ahead of time.
 *
 * @author Tributary
 */
@AutoConfiguration(after = TributaryLambdaAutoConfiguration.class)
@Conditional(InsideLambdaCondition.class)
@ConditionalOnBean(LambdaFunctionRegistrar.class)
public final class TributaryLambdaPrimingAutoConfiguration {

	private static final String FUNCTION_DEFINITION = "spring.cloud.function.definition";

	@Bean
	@ConditionalOnMissingBean
	LambdaPrimer tributaryLambdaPrimer(StreamProcessorRegistry processors, LambdaFunctionRegistrar registrar,
			Environment environment) {
		return new LambdaPrimer(processors, registrar, environment.getProperty(FUNCTION_DEFINITION));
	}

	@Bean
	LambdaPrimingTrigger tributaryLambdaPrimingTrigger(LambdaPrimer primer, LambdaProperties properties) {
		return new LambdaPrimingTrigger(primer, properties.getPriming());
	}

}
