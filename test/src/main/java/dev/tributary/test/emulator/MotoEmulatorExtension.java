package dev.tributary.test.emulator;

import java.net.URI;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * JUnit extension that makes sure the run's {@link MotoEmulator} is there before a test class
 * runs (or aborts or fails the class by its rules), and resolves {@link MotoEmulator} and
 * {@link URI} (its endpoint) parameters.
 * <pre class="code">
 * &#64;ExtendWith(MotoEmulatorExtension.class)
 * class QueueTests {
 *
 *     &#64;Test
 *     void sendsAMessage(MotoEmulator emulator) {
 *         SqsClient sqs = emulator.configure(SqsClient.builder()).build();
 *         ...
 * </pre>
 *
 * @author Tributary
 */
public class MotoEmulatorExtension implements BeforeAllCallback, ParameterResolver {

	@Override
	public void beforeAll(ExtensionContext context) {
		MotoEmulator.shared();
	}

	/**
	 * Resolves {@link MotoEmulator} and {@link URI} parameters, but not those Spring's extension
	 * resolves from the application context ({@code @Autowired}, {@code @Value}), which would
	 * otherwise compete.
	 */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return (type == MotoEmulator.class || type == URI.class) && !parameterContext.isAnnotated(Autowired.class)
				&& !parameterContext.isAnnotated(Value.class);
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		MotoEmulator emulator = MotoEmulator.shared();
		return (parameterContext.getParameter().getType() == URI.class) ? emulator.endpoint() : emulator;
	}

}
