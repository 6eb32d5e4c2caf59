package dev.tributary.autoconfigure.lambda;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Lambda runtime.
 *
 * @author Tributary
 */
@ConfigurationProperties(prefix = LambdaProperties.PREFIX)
public class LambdaProperties {

	/** Prefix of the Lambda properties. */
	public static final String PREFIX = "tributary.lambda";

	/**
	 * Whether the application runs as an AWS Lambda function. When not set, Lambda is detected
	 * from the AWS_LAMBDA_FUNCTION_NAME and AWS_LAMBDA_RUNTIME_API environment variables.
	 */
	private @Nullable Boolean enabled;

	/**
	 * How long before the invocation's timeout to stop handing records to a processor. The
	 * records not handed out are reported as failed, so Lambda retries them instead of timing
	 * out and retrying the whole batch. Leave enough for the record in progress to finish.
	 */
	private Duration deadlineMargin = Duration.ofSeconds(1);

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getDeadlineMargin() {
		return this.deadlineMargin;
	}

	public void setDeadlineMargin(Duration deadlineMargin) {
		this.deadlineMargin = deadlineMargin;
	}

}
