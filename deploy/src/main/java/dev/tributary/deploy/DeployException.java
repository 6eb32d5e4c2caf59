package dev.tributary.deploy;

/**
 * A deploy, plan, destroy or logs run that cannot go on, with a message that tells the user what
 * to do (for example: run {@code mvn package} first).
 *
 * @author Tributary
 */
public class DeployException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what went wrong and what to do
	 */
	public DeployException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message what went wrong and what to do
	 * @param cause the cause
	 */
	public DeployException(String message, Throwable cause) {
		super(message, cause);
	}

}
