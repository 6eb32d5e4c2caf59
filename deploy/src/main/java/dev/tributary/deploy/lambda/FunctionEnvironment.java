package dev.tributary.deploy.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tributary.deploy.DeployOptions;
import dev.tributary.lambda.LambdaHandlers;

/**
 * Environment variables of a processor's function: which function Spring Cloud Function routes
 * to ({@link LambdaHandlers#functionDefinitionFor(String)}), the application's main class, the
 * processor and the stage, plus the user's own.
 *
 * @author Tributary
 */
public final class FunctionEnvironment {

	private FunctionEnvironment() {
	}

	/**
	 * The variables of one processor's function.
	 * @param processor the processor name
	 * @param options the deploy options
	 * @return the variables, in a stable order
	 */
	public static Map<String, String> of(String processor, DeployOptions options) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put(LambdaHandlers.FUNCTION_DEFINITION_VARIABLE, LambdaHandlers.functionDefinitionFor(processor));
		options.mainClass().ifPresent((mainClass) -> environment.put(LambdaHandlers.MAIN_CLASS_VARIABLE, mainClass));
		environment.put("TRIBUTARY_PROCESSOR", processor);
		environment.put("TRIBUTARY_STAGE", options.stage());
		// C1 only: a stream processor's cold start matters more than its peak throughput.
		environment.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
		environment.putAll(options.environment());
		return environment;
	}

	/**
	 * The variables of the API function: the application's main class and the stage, plus the
	 * user's own. Its handler starts the application itself, so no function definition is needed.
	 * @param options the deploy options
	 * @return the variables, in a stable order
	 */
	public static Map<String, String> forApi(DeployOptions options) {
		Map<String, String> environment = new LinkedHashMap<>();
		options.mainClass().ifPresent((mainClass) -> environment.put(LambdaHandlers.MAIN_CLASS_VARIABLE, mainClass));
		environment.put("TRIBUTARY_STAGE", options.stage());
		// C1 only, as for processors: a caller waits for the cold start.
		environment.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
		environment.putAll(options.environment());
		return environment;
	}

}
