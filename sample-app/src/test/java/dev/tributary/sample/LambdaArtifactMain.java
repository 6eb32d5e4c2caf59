package dev.tributary.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * What Lambda's Java runtime does with the deployment package, in a plain JVM: construct the
 * handler (which starts Spring from {@code MAIN_CLASS}), feed it each event in turn (warm
 * invocations of the same handler, as Lambda reuses it) and print one line per invocation:
 * the response, or the error the runtime would record as the invocation's function error.
 */
public final class LambdaArtifactMain {

	static final String RESPONSE = "LAMBDA_RESPONSE ";

	static final String ERROR = "LAMBDA_ERROR ";

	private LambdaArtifactMain() {
	}

	public static void main(String[] args) throws IOException {
		FunctionInvoker invoker = new FunctionInvoker();
		for (String event : args) {
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			try (InputStream input = Files.newInputStream(Path.of(event))) {
				invoker.handleRequest(input, output, null);
				System.out.println(RESPONSE + output.toString(StandardCharsets.UTF_8));
			}
			catch (RuntimeException ex) {
				// Lambda's runtime reports a thrown exception as the invocation's error and keeps
				// the handler for the next event.
				System.out.println(ERROR + ex.getClass().getName() + ": "
						+ String.valueOf(ex.getMessage()).replaceAll("\\R", " "));
			}
		}
	}

}
