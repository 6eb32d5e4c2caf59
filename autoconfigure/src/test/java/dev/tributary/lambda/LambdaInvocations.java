package dev.tributary.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.core.io.ClassPathResource;

/**
 * Starts the real {@link FunctionInvoker} on a test application ({@link LambdaTestApplication}
 * unless told otherwise), as Lambda does, and feeds it events.
 */
final class LambdaInvocations {

	private final FunctionInvoker invoker;

	private LambdaInvocations(FunctionInvoker invoker) {
		this.invoker = invoker;
	}

	static LambdaInvocations start() {
		return start(LambdaTestApplication.class, "items");
	}

	// As inside Lambda: no local runtime, so no emulator is started.
	static LambdaInvocations start(Class<?> application, String processor) {
		System.setProperty("MAIN_CLASS", application.getName());
		System.setProperty("tributary.lambda.enabled", "true");
		System.setProperty("spring.cloud.function.definition", LambdaHandlers.functionDefinitionFor(processor));
		try {
			return new LambdaInvocations(new FunctionInvoker());
		}
		finally {
			System.clearProperty("MAIN_CLASS");
			System.clearProperty("tributary.lambda.enabled");
			System.clearProperty("spring.cloud.function.definition");
		}
	}

	String invoke(byte[] event) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try {
			this.invoker.handleRequest(new ByteArrayInputStream(event), output, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return output.toString(StandardCharsets.UTF_8);
	}

	String invokeResource(String path) {
		return invoke(resource(path));
	}

	static byte[] resource(String path) {
		try (InputStream input = new ClassPathResource(path).getInputStream()) {
			return input.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
