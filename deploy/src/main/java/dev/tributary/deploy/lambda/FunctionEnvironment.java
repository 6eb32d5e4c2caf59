package dev.tributary.deploy.lambda;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.tributary.deploy.DeployOptions;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Environment variables of a processor's function: which function Spring Cloud Function routes
 * to, the application's main class, the processor and the stage, plus the user's own.
 *
 * @author Tributary
 */
public final class FunctionEnvironment {

	/** Lambda runtime helper that knows the function definition of a processor. */
	static final String LAMBDA_HANDLERS = "dev.tributary.lambda.LambdaHandlers";

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
		environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", functionDefinition(processor));
		options.mainClass().ifPresent((mainClass) -> environment.put("MAIN_CLASS", mainClass));
		environment.put("TRIBUTARY_PROCESSOR", processor);
		environment.put("TRIBUTARY_STAGE", options.stage());
		// C1 only: a stream processor's cold start matters more than its peak throughput.
		environment.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
		environment.putAll(options.environment());
		return environment;
	}

	/**
	 * The function definition the Lambda runtime registers for a processor. Asks the runtime's
	 * {@code LambdaHandlers} when it is on the classpath (it owns the naming), else uses the
	 * processor name.
	 * @param processor the processor name
	 * @return the definition
	 */
	static String functionDefinition(String processor) {
		ClassLoader classLoader = FunctionEnvironment.class.getClassLoader();
		if (!ClassUtils.isPresent(LAMBDA_HANDLERS, classLoader)) {
			return processor;
		}
		Class<?> handlers = ClassUtils.resolveClassName(LAMBDA_HANDLERS, classLoader);
		Method method = ReflectionUtils.findMethod(handlers, "functionDefinitionFor", String.class);
		return (method != null) ? String.valueOf(ReflectionUtils.invokeMethod(method, null, processor)) : processor;
	}

}
