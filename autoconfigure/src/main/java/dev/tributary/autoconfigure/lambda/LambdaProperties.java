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

	/**
	 * When to run each processor's path on a synthetic record (with the user's function left
	 * out) so that its classes are loaded before the first invocation: 'snap-start' primes just
	 * before Lambda's SnapStart snapshot (needs org.crac, which the starter brings), 'startup'
	 * when the application has started (for provisioned concurrency, or to build a class data
	 * sharing archive), 'none' never.
	 */
	private Priming priming = Priming.SNAP_START;

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

	public Priming getPriming() {
		return this.priming;
	}

	public void setPriming(Priming priming) {
		this.priming = priming;
	}

	/**
	 * When processors are primed.
	 */
	public enum Priming {

		/** Just before Lambda's SnapStart snapshot, through a CRaC resource. */
		SNAP_START,

		/** Once the application has started. */
		STARTUP,

		/** Never. */
		NONE

	}

}
