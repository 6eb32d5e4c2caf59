package dev.tributary.autoconfigure.lambda;

import dev.tributary.lambda.LambdaEnvironment;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches inside AWS Lambda, as {@link LambdaEnvironment#isLambda} decides.
 *
 * @author Tributary
 */
class InsideLambdaCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (LambdaEnvironment.isLambda(context.getEnvironment())) {
			return ConditionOutcome.match("running inside AWS Lambda");
		}
		return ConditionOutcome.noMatch("not running inside AWS Lambda");
	}

}
