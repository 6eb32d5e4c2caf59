package dev.tributary.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tributary.lambda.web.FunctionUrlHandler;

/**
 * What Lambda's Java runtime does with the API function's handler, in a plain JVM: construct
 * {@link FunctionUrlHandler} (which starts the application named by {@code MAIN_CLASS}), feed it
 * each function URL event in turn and print one line per invocation, as
 * {@link LambdaArtifactMain} does for the processors' handler.
 */
public final class ApiLambdaArtifactMain {

	private ApiLambdaArtifactMain() {
	}

	public static void main(String[] args) throws IOException {
		FunctionUrlHandler handler = new FunctionUrlHandler();
		for (String event : args) {
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			try (InputStream input = Files.newInputStream(Path.of(event))) {
				handler.handleRequest(input, output, null);
				System.out.println(LambdaArtifactMain.RESPONSE + output.toString(StandardCharsets.UTF_8));
			}
			catch (RuntimeException ex) {
				System.out.println(LambdaArtifactMain.ERROR + ex.getClass().getName() + ": "
						+ String.valueOf(ex.getMessage()).replaceAll("\\R", " "));
			}
		}
		// Lambda freezes the process between invocations; here the application's threads must not keep it alive.
		handler.getApplicationContext().close();
	}

}
