package dev.tributary.local;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The processor an AWS call of the local runtime is made for, on the calling thread, so that
 * what the AWS SDK reports about the call (its own retries) can be counted per processor.
 *
 * @author Tributary
 */
public final class AwsCallContext {

	private static final ThreadLocal<@Nullable String> processor = new ThreadLocal<>();

	private AwsCallContext() {
	}

	/**
	 * Make a call for a processor.
	 * @param <T> the call's result type
	 * @param processorName the processor's name
	 * @param call the call
	 * @return the call's result
	 */
	public static <T> T callFor(String processorName, Supplier<T> call) {
		String previous = processor.get();
		processor.set(processorName);
		try {
			return call.get();
		}
		finally {
			processor.set(previous);
		}
	}

	/**
	 * The processor the current thread makes calls for.
	 * @return its name, or {@code null} outside {@link #callFor}
	 */
	public static @Nullable String processor() {
		return processor.get();
	}

}
