package dev.tributary.lambda.web;

/**
 * Thrown when a Lambda event is not a function URL request (the HTTP API payload 2.0): the
 * invocation fails as a whole, with a message that says what was expected and what is wrong,
 * never quoting the event.
 *
 * @author Tributary
 */
public class FunctionUrlEventException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param problem what is wrong with the event
	 */
	public FunctionUrlEventException(String problem) {
		super("The API function takes function URL requests (the HTTP API payload format 2.0, with "
				+ "requestContext.http.method and rawPath) and cannot take this event: " + problem
				+ ". Invoke it through its function URL, or check what invokes it");
	}

}
