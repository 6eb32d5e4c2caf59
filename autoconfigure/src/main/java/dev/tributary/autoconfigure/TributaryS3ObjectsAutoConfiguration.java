package dev.tributary.autoconfigure;

import dev.tributary.S3Objects;
import dev.tributary.autoconfigure.local.TributaryLocalAwsAutoConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

/**
 * The {@link S3Objects} S3 event processors read objects with: wherever an {@link S3Client} bean
 * exists (the local runtime's, talking to the embedded emulator; in Lambda, the application's own,
 * else one made on the first read from what Lambda provides).
 *
 * @author Tributary
 */
@AutoConfiguration(after = { TributaryAutoConfiguration.class, TributaryLocalAwsAutoConfiguration.class })
@ConditionalOnClass({ S3Client.class, JsonMapper.class })
@Import(TributaryS3ObjectsAutoConfiguration.LambdaS3ClientConfiguration.class)
public final class TributaryS3ObjectsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(S3Client.class)
	S3Objects tributaryS3Objects(ObjectProvider<S3Client> s3, ObjectProvider<JsonMapper> json) {
		return new S3Objects(s3::getObject, json.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	/**
	 * Inside Lambda, an {@link S3Client} made on first use: a function that never reads an
	 * object does not pay for it at its cold start.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(InsideLambdaCondition.class)
	@ConditionalOnClass(UrlConnectionHttpClient.class)
	static class LambdaS3ClientConfiguration {

		@Bean(destroyMethod = "close")
		@Lazy
		@ConditionalOnMissingBean
		S3Client s3Client() {
			return S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
		}

	}

}
