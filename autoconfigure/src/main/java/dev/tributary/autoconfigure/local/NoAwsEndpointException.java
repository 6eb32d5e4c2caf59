package dev.tributary.autoconfigure.local;

/**
 * No AWS endpoint is configured and no emulator could be started.
 *
 * @author Tributary
 */
class NoAwsEndpointException extends RuntimeException {

	NoAwsEndpointException() {
		super("No AWS endpoint is configured and no local AWS emulator is available "
				+ "(moto_server is not on the PATH and Docker is not available)");
	}

}
