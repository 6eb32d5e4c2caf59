package com.example.webapp;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tributary.lambda.web.FunctionUrlHandler;

/**
 * What Lambda's Java runtime does with the API function: construct the handler (which starts the
 * application from MAIN_CLASS) and invoke it with one function URL event. verify.groovy runs it on
 * the unzipped zip's class path.
 */
public final class RunApi {

	private RunApi() {
	}

	public static void main(String[] args) throws Exception {
		FunctionUrlHandler handler = new FunctionUrlHandler();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (InputStream input = Files.newInputStream(Path.of(args[0]))) {
			handler.handleRequest(input, output, null);
		}
		System.out.println("LAMBDA_RESPONSE " + output.toString(StandardCharsets.UTF_8));
		handler.getApplicationContext().close();
	}

}
