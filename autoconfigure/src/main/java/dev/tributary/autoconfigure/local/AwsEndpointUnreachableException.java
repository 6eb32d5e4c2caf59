package dev.tributary.autoconfigure.local;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Nothing answers at the AWS endpoint Tributary connects to. An {@link SdkClientException}, so
 * code that handles the SDK's errors handles it too; its message names the endpoint and where it
 * was configured. Explained by {@link AwsEndpointUnreachableFailureAnalyzer}.
 *
 * @author Tributary
 */
class AwsEndpointUnreachableException extends SdkClientException {

	private final String endpoint;

	private final String source;

	AwsEndpointUnreachableException(String endpoint, String source, Throwable cause) {
		super(SdkClientException.builder()
			.message("Cannot connect to the AWS endpoint " + endpoint + " (" + source + "): " + rootMessage(cause)
					+ "; start the emulator or service there, or change or remove " + source)
			.cause(cause));
		this.endpoint = endpoint;
		this.source = source;
	}

	String getEndpoint() {
		return this.endpoint;
	}

	String getSource() {
		return this.source;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

}
