package dev.tributary.autoconfigure.local;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no AWS endpoint is configured with Spring Cloud AWS's properties.
 *
 * @author Tributary
 */
class NoEndpointConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		for (String property : AwsConnectionFactory.ENDPOINT_PROPERTIES) {
			if (StringUtils.hasText(context.getEnvironment().getProperty(property))) {
				return ConditionOutcome.noMatch(property + " is set");
			}
		}
		return ConditionOutcome.match("no AWS endpoint is configured");
	}

}
