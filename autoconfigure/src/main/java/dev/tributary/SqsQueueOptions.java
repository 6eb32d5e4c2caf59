package dev.tributary;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The settings only an SQS processor has, beside the common {@link ProcessorOptions}.
 *
 * @param maximumConcurrency the most concurrent invocations (Lambda's
 * {@code ScalingConfig.MaximumConcurrency}, 2 to 1000), or {@code null} for Lambda's default
 * @author Tributary
 */
public record SqsQueueOptions(@Nullable Integer maximumConcurrency) {

	/** Lowest maximum concurrency Lambda accepts. */
	public static final int MIN_CONCURRENCY = 2;

	/** Highest maximum concurrency Lambda accepts. */
	public static final int MAX_CONCURRENCY = 1000;

	public SqsQueueOptions {
		Assert.isTrue(maximumConcurrency == null
				|| (maximumConcurrency >= MIN_CONCURRENCY && maximumConcurrency <= MAX_CONCURRENCY),
				"'maximumConcurrency' must be 2 to 1000");
	}

	/**
	 * Lambda's defaults.
	 * @return the options
	 */
	public static SqsQueueOptions defaults() {
		return new SqsQueueOptions(null);
	}

}
