import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * What Lambda's Java runtime does with the zip: construct the handler (which starts Spring from
 * MAIN_CLASS) and invoke it with one event. verify.groovy runs this file with the source launcher
 * on the unzipped zip's class path, so the generated application needs no test class of ours.
 */
public final class RunAsLambda {

	private RunAsLambda() {
	}

	public static void main(String[] args) throws Exception {
		FunctionInvoker invoker = new FunctionInvoker();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (InputStream input = Files.newInputStream(Path.of(args[0]))) {
			invoker.handleRequest(input, output, null);
		}
		System.out.println("LAMBDA_RESPONSE " + output.toString(StandardCharsets.UTF_8));
	}

}
