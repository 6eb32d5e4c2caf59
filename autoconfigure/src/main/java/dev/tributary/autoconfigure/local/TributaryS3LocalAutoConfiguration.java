package dev.tributary.autoconfigure.local;

import dev.tributary.StreamProcessorRegistry;
import dev.tributary.autoconfigure.TributaryAutoConfiguration;
import dev.tributary.local.RuntimeMetrics;
import dev.tributary.local.metrics.SdkRetryMetrics;
import dev.tributary.s3.local.S3LocalSource;
import software.amazon.awssdk.services.s3.S3Client;
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
 * S3 event notifications in the local runtime: with the SDK's S3 and SQS modules on the classpath
 * and their clients (the embedded emulator's, or the application's own), the local runtime
 * creates each S3 processor's bucket, queue and notification and reads the queue. Without the S3
 * module, an S3 processor stops the local runtime's start, naming the dependency to add.
 *
 * @author Tributary
 */
@AutoConfiguration(after = { TributaryAutoConfiguration.class, TributaryLocalAwsAutoConfiguration.class },
		before = TributaryLocalRuntimeAutoConfiguration.class)
@Conditional(OutsideLambdaCondition.class)
@ConditionalOnBooleanProperty(name = "tributary.local.enabled", matchIfMissing = true)
@ConditionalOnClass({ S3Client.class, SqsClient.class })
@ConditionalOnBean({ StreamProcessorRegistry.class, S3Client.class, SqsClient.class })
public final class TributaryS3LocalAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	S3LocalSource tributaryS3LocalSource(S3Client s3, SqsClient sqs, ObjectProvider<RuntimeMetrics> metrics) {
		return new S3LocalSource(s3, sqs, new SdkRetryMetrics(metrics.getIfAvailable(() -> RuntimeMetrics.NONE)));
	}

}
