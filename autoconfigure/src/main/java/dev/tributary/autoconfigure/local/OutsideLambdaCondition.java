package dev.tributary.autoconfigure.local;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches outside AWS Lambda: the Lambda runtime sets {@code AWS_LAMBDA_RUNTIME_API} (and
 * {@code AWS_LAMBDA_FUNCTION_NAME}) in every function's environment. Inside Lambda the event
 * source mapping feeds processors and the local runtime must not start.
 *
 * @author Tributary
 */
class OutsideLambdaCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		for (String variable : new String[] { "AWS_LAMBDA_RUNTIME_API", "AWS_LAMBDA_FUNCTION_NAME" }) {
			if (context.getEnvironment().containsProperty(variable)) {
				return ConditionOutcome.noMatch(variable + " is set: running inside AWS Lambda");
			}
		}
		return ConditionOutcome.match("not running inside AWS Lambda");
	}

}
