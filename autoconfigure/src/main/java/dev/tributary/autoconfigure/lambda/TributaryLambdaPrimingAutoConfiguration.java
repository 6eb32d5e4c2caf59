package dev.tributary.autoconfigure.lambda;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.lambda.LambdaFunctionRegistrar;
import dev.tributary.lambda.LambdaPrimer;
import dev.tributary.lambda.snapstart.SnapStartPriming;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of priming inside Lambda: a {@link LambdaPrimer} over the registered
 * processors, run before the SnapStart snapshot ({@code tributary.lambda.priming=snap-start},
 * the default, when org.crac is present) or once the application has started
 * ({@code startup}); see docs/lambda.md#snapstart-and-priming.
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.crac.Resource")
	@ConditionalOnProperty(prefix = LambdaProperties.PREFIX, name = "priming", havingValue = "snap-start",
			matchIfMissing = true)
	static class SnapStartPrimingConfiguration {

		@Bean
		SnapStartPriming tributarySnapStartPriming(LambdaPrimer primer) {
			return new SnapStartPriming(primer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = LambdaProperties.PREFIX, name = "priming", havingValue = "startup")
	static class StartupPrimingConfiguration {

		@Bean
		SmartInitializingSingleton tributaryStartupPriming(LambdaPrimer primer) {
			return () -> primer.prime("at startup");
		}

	}

}
