package dev.tributary.autoconfigure.local;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Turns a call that could not connect to a configured endpoint (refused, unknown host, no route)
 * into an {@link AwsEndpointUnreachableException} naming the endpoint and the property that set
 * it. Runs once per call, after the SDK's retries; other failures pass unchanged. The local
 * runtime's clients and deploy's clients both carry it.
 *
 * @author Tributary
 */
public final class EndpointFailureInterceptor implements ExecutionInterceptor {

	private final String endpoint;

	private final String source;

	/**
	 * Create the interceptor.
	 * @param endpoint the endpoint
	 * @param source where it was configured (a property name) or what it is
	 */
	public EndpointFailureInterceptor(String endpoint, String source) {
		this.endpoint = endpoint;
		this.source = source;
	}

	@Override
	public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
		Throwable failure = context.exception();
		if (!(failure instanceof AwsEndpointUnreachableException) && cannotConnect(failure)) {
			return new AwsEndpointUnreachableException(this.endpoint, this.source, failure);
		}
		return failure;
	}

	private static boolean cannotConnect(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return true;
			}
		}
		return false;
	}

}
