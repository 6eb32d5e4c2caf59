package dev.tributary.local.metrics;

import java.util.List;
import java.util.function.Consumer;

import dev.tributary.local.AwsCallContext;
import dev.tributary.local.RuntimeMetrics;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

import org.springframework.util.Assert;

/**
 * Counts the retries the AWS SDK makes by itself, which never reach the runtime when one of them
 * succeeds: each failed attempt that the SDK tried again, with the attempt's error type
 * ({@code Throttling}, {@code ServerError}, {@code IO}, ...), as
 * {@link RuntimeMetrics#awsSdkRetried}. Attach it to requests (it is a {@link MetricPublisher});
 * the processor is the one {@link AwsCallContext} names on the calling thread.
 *
 * @author Tributary
 */
public final class SdkRetryMetrics implements MetricPublisher {

	private static final String UNKNOWN = "unknown";

	private final RuntimeMetrics metrics;

	/**
	 * Create a publisher.
	 * @param metrics where the retries are counted
	 */
	public SdkRetryMetrics(RuntimeMetrics metrics) {
		Assert.notNull(metrics, "'metrics' must not be null");
		this.metrics = metrics;
	}

	@Override
	public void publish(MetricCollection call) {
		List<MetricCollection> attempts = call.children()
			.stream()
			.filter((child) -> "ApiCallAttempt".equals(child.name()))
			.toList();
		if (attempts.size() < 2) {
			return;
		}
		String processor = AwsCallContext.processor();
		String operation = first(call, CoreMetric.OPERATION_NAME);
		// Every attempt but the last was tried again.
		for (MetricCollection attempt : attempts.subList(0, attempts.size() - 1)) {
			this.metrics.awsSdkRetried((processor != null) ? processor : UNKNOWN, operation,
					first(attempt, CoreMetric.ERROR_TYPE));
		}
	}

	private static String first(MetricCollection collection, software.amazon.awssdk.metrics.SdkMetric<String> metric) {
		List<String> values = collection.metricValues(metric);
		return values.isEmpty() ? UNKNOWN : values.get(0);
	}

	@Override
	public void close() {
	}

	/**
	 * What a request's override configuration gets so that a publisher hears of the call.
	 * @param publisher told about each call, or {@code null} for no one
	 * @return the override to pass to {@code overrideConfiguration}
	 */
	public static Consumer<AwsRequestOverrideConfiguration.Builder> publishedTo(@Nullable MetricPublisher publisher) {
		return (override) -> {
			if (publisher != null) {
				override.addMetricPublisher(publisher);
			}
		};
	}

}
