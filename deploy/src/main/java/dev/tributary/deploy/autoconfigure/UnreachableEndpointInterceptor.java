package dev.tributary.deploy.autoconfigure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Names where deploy tried to connect when nothing answered there (refused, unknown host, no
 * route), instead of the SDK's bare {@code Unable to execute HTTP request: Connection refused}.
 * Runs once per call, after the SDK's retries; the result is still an {@link SdkClientException},
 * so callers that treat lost connections as transient (logs {@code follow}) keep doing so. Other
 * failures pass unchanged.
 *
 * @author Tributary
 */
final class UnreachableEndpointInterceptor implements ExecutionInterceptor {

	private final String target;

	private final boolean endpoint;

	/**
	 * Create the interceptor.
	 * @param target where the connection goes, as {@code AwsConnection#description()} says it
	 * @param endpoint whether that is a configured endpoint rather than AWS itself
	 */
	UnreachableEndpointInterceptor(String target, boolean endpoint) {
		this.target = target;
		this.endpoint = endpoint;
	}

	@Override
	public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
		Throwable failure = context.exception();
		Throwable cause = connectFailure(failure);
		if (cause == null) {
			return failure;
		}
		String fix = this.endpoint ? "start the emulator or service there, or change or remove spring.cloud.aws.endpoint"
				: "check the network connection to AWS and the region (spring.cloud.aws.region.static, AWS_REGION)";
		return SdkClientException.builder()
			.message("Cannot connect to " + this.target + " (" + cause.getClass().getSimpleName() + ": "
					+ cause.getMessage() + "): " + fix)
			.cause(failure)
			.build();
	}

	private static @Nullable Throwable connectFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return cause;
			}
		}
		return null;
	}

}
