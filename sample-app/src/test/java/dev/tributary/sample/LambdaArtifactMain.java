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
 * handler (which starts Spring from {@code MAIN_CLASS}), feed it one event and print the
 * response.
 */
public final class LambdaArtifactMain {

	static final String RESPONSE = "LAMBDA_RESPONSE ";

	private LambdaArtifactMain() {
	}

	public static void main(String[] args) throws IOException {
		FunctionInvoker invoker = new FunctionInvoker();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (InputStream input = Files.newInputStream(Path.of(args[0]))) {
			invoker.handleRequest(input, output, null);
		}
		System.out.println(RESPONSE + output.toString(StandardCharsets.UTF_8));
	}

}
