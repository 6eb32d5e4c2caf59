package dev.tributary.test.processor;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.jspecify.annotations.Nullable;

/**
 * The Lambda {@link Context} of one test invocation: what the function reads from it is the
 * time left before the invocation times out.
 *
 * @author Tributary
 */
final class LambdaTestContext implements Context {

	private final String functionName;

	private final int remainingTimeInMillis;

	LambdaTestContext(String functionName, int remainingTimeInMillis) {
		this.functionName = functionName;
		this.remainingTimeInMillis = remainingTimeInMillis;
	}

	@Override
	public String getAwsRequestId() {
		return "test-request";
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/" + this.functionName;
	}

	@Override
	public String getLogStreamName() {
		return "test";
	}

	@Override
	public String getFunctionName() {
		return this.functionName;
	}

	@Override
	public String getFunctionVersion() {
		return "$LATEST";
	}

	@Override
	public String getInvokedFunctionArn() {
		return "arn:aws:lambda:us-east-1:123456789012:function:" + this.functionName;
	}

	@Override
	public @Nullable CognitoIdentity getIdentity() {
		return null;
	}

	@Override
	public @Nullable ClientContext getClientContext() {
		return null;
	}

	@Override
	public int getRemainingTimeInMillis() {
		return this.remainingTimeInMillis;
	}

	@Override
	public int getMemoryLimitInMB() {
		return 512;
	}

	@Override
	public LambdaLogger getLogger() {
		return new LambdaLogger() {

			@Override
			public void log(String message) {
				System.out.println(message);
			}

			@Override
			public void log(byte[] message) {
				System.out.println(new String(message, StandardCharsets.UTF_8));
			}

		};
	}

}
