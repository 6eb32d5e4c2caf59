package dev.tributary.autoconfigure.local;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.autoconfigure.TributaryAutoConfiguration;
import dev.tributary.kinesis.local.KinesisLocalSource;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.metrics.SdkRetryMetrics;
import software.amazon.awssdk.services.kinesis.KinesisClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Kinesis Data Streams in the local runtime: with the SDK's Kinesis module on the classpath and
 * a {@link KinesisClient} (the embedded emulator's, or the application's own), the local runtime
 * creates the processors' streams and reads them. Without it, a Kinesis processor stops the local
 * runtime's start, naming the dependency to add. With {@code tributary.runtime=kcl} the KCL
 * runtime reads Kinesis streams instead.
 *
 * @author Tributary
 */
@AutoConfiguration(after = { TributaryAutoConfiguration.class, TributaryLocalAwsAutoConfiguration.class },
		before = TributaryLocalRuntimeAutoConfiguration.class)
@Conditional(OutsideLambdaCondition.class)
@ConditionalOnBooleanProperty(name = "tributary.local.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "tributary.runtime", havingValue = "local", matchIfMissing = true)
@ConditionalOnClass(KinesisClient.class)
@ConditionalOnBean({ StreamProcessorRegistry.class, KinesisClient.class })
public final class TributaryKinesisLocalAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	KinesisLocalSource tributaryKinesisLocalSource(KinesisClient kinesis, ObjectProvider<RuntimeMetrics> metrics) {
		return new KinesisLocalSource(kinesis,
				new SdkRetryMetrics(metrics.getIfAvailable(() -> RuntimeMetrics.NONE)));
	}

}
