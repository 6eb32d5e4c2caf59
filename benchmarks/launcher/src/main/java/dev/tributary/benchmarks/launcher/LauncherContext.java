package dev.tributary.benchmarks.launcher;

import java.util.UUID;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.jspecify.annotations.Nullable;

/**
 * The Lambda {@link Context} of one invocation: a 15-minute timeout (Lambda's maximum, so the
 * deadline never cuts a measured batch short) and a logger that writes to standard output and
 * honours {@code AWS_LAMBDA_LOG_LEVEL} like Lambda's advanced logging controls.
 *
 * @author Tributary
 */
final class LauncherContext implements Context {

	private static final long TIMEOUT_MILLIS = 15 * 60 * 1000;

	private static final LambdaLogger logger = new StandardOutputLogger(minimumLevel());

	private final String requestId = UUID.randomUUID().toString();

	private final long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;

	@Override
	public String getAwsRequestId() {
		return this.requestId;
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/benchmark";
	}

	@Override
	public String getLogStreamName() {
		return "benchmark";
	}

	@Override
	public String getFunctionName() {
		return "benchmark";
	}

	@Override
	public String getFunctionVersion() {
		return "$LATEST";
	}

	@Override
	public String getInvokedFunctionArn() {
		return "arn:aws:lambda:us-east-1:123456789012:function:benchmark";
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
		return (int) Math.max(0, this.deadline - System.currentTimeMillis());
	}

	@Override
	public int getMemoryLimitInMB() {
		return 1024;
	}

	@Override
	public LambdaLogger getLogger() {
		return logger;
	}

	private static LogLevel minimumLevel() {
		String level = System.getenv("AWS_LAMBDA_LOG_LEVEL");
		return (level != null) ? LogLevel.fromString(level) : LogLevel.UNDEFINED;
	}

	private static final class StandardOutputLogger implements LambdaLogger {

		private final LogLevel minimum;

		StandardOutputLogger(LogLevel minimum) {
			this.minimum = minimum;
		}

		@Override
		public void log(String message) {
			System.out.println(message);
		}

		@Override
		public void log(byte[] message) {
			System.out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
		}

		@Override
		public void log(String message, LogLevel level) {
			if (level.ordinal() >= this.minimum.ordinal()) {
				log(message);
			}
		}

	}

}
