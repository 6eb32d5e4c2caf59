package dev.tributary.autoconfigure.local;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.autoconfigure.TributaryAutoConfiguration;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.metrics.SdkRetryMetrics;
import dev.tributary.sqs.local.SqsLocalSource;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * SQS queues in the local runtime: with the SDK's SQS module on the classpath and
 * a {@link SqsClient} (the embedded emulator's, or the application's own), the local runtime
 * creates the processors' queues and reads them. Without it, an SQS processor stops the local
 * runtime's start, naming the dependency to add.
 *
 * @author Tributary
 */
@AutoConfiguration(after = { TributaryAutoConfiguration.class, TributaryLocalAwsAutoConfiguration.class },
		before = TributaryLocalRuntimeAutoConfiguration.class)
@Conditional(OutsideLambdaCondition.class)
@ConditionalOnBooleanProperty(name = "tributary.local.enabled", matchIfMissing = true)
@ConditionalOnClass(SqsClient.class)
@ConditionalOnBean({ StreamProcessorRegistry.class, SqsClient.class })
public final class TributarySqsLocalAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SqsLocalSource tributarySqsLocalSource(SqsClient sqs, ObjectProvider<RuntimeMetrics> metrics) {
		return new SqsLocalSource(sqs, new SdkRetryMetrics(metrics.getIfAvailable(() -> RuntimeMetrics.NONE)));
	}

}
