package dev.tributary.autoconfigure.local;

import dev.tributary.lambda.LambdaEnvironment;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches outside AWS Lambda, as {@link LambdaEnvironment#isLambda} decides. Inside Lambda the
 * event source mapping feeds processors and the local runtime must not start.
 *
 * @author Tributary
 */
class OutsideLambdaCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (LambdaEnvironment.isLambda(context.getEnvironment())) {
			return ConditionOutcome.noMatch("running inside AWS Lambda");
		}
		return ConditionOutcome.match("not running inside AWS Lambda");
	}

}
