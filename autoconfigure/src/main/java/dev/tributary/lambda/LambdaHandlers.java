package dev.tributary.lambda;

import org.springframework.util.Assert;

/**
 * How a deployed Lambda function reaches a stream processor: the one place deploy reads the
 * handler and environment from.
 * <p>
 * The function runs Spring Cloud Function's {@link #HANDLER}; {@code MAIN_CLASS} names the
 * application class and {@code SPRING_CLOUD_FUNCTION_DEFINITION} is
 * {@link #functionDefinitionFor(String)}: the processor's bean name itself. Tributary registers
 * its Lambda function under that name, ahead of the user's bean of the same name, so the
 * adapter invokes Tributary's event handling rather than the user's function with the whole
 * event as one element.
 *
 * @author Tributary
 */
public final class LambdaHandlers {

	/** Lambda handler of every processor function. */
	public static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

	/**
	 * Lambda handler of the API function, which serves function URL requests with the
	 * application's Spring MVC controllers ({@code dev.tributary.lambda.web.FunctionUrlHandler}).
	 */
	public static final String API_HANDLER = "dev.tributary.lambda.web.FunctionUrlHandler::handleRequest";

	/** Environment variable that selects the function Spring Cloud Function invokes. */
	public static final String FUNCTION_DEFINITION_VARIABLE = "SPRING_CLOUD_FUNCTION_DEFINITION";

	/** Environment variable that names the application's main class. */
	public static final String MAIN_CLASS_VARIABLE = "MAIN_CLASS";

	private LambdaHandlers() {
	}

	/**
	 * The {@code spring.cloud.function.definition} that invokes a processor.
	 * @param processorName the processor's (bean) name
	 * @return the function definition
	 */
	public static String functionDefinitionFor(String processorName) {
		Assert.hasText(processorName, "'processorName' must not be empty");
		return processorName;
	}

}
