package dev.tributary.lambda;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * A Lambda {@link Context} with a fixed remaining time.
 */
public class TestLambdaContext implements Context {

	private final int remainingTimeInMillis;

	public TestLambdaContext(int remainingTimeInMillis) {
		this.remainingTimeInMillis = remainingTimeInMillis;
	}

	@Override
	public String getAwsRequestId() {
		return "test-request";
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/test";
	}

	@Override
	public String getLogStreamName() {
		return "test-stream";
	}

	@Override
	public String getFunctionName() {
		return "test";
	}

	@Override
	public String getFunctionVersion() {
		return "$LATEST";
	}

	@Override
	public String getInvokedFunctionArn() {
		return "arn:aws:lambda:us-east-1:123456789012:function:test";
	}

	@Override
	public CognitoIdentity getIdentity() {
		return null;
	}

	@Override
	public ClientContext getClientContext() {
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
