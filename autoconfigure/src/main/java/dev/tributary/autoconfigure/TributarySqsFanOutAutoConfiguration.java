package dev.tributary.autoconfigure;

import dev.tributary.SqsFanOut;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.autoconfigure.local.TributaryLocalAwsAutoConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

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
 * The {@link SqsFanOut} processors forward records to queues with: wherever an {@link SqsClient}
 * bean exists (the local runtime's, talking to the embedded emulator; in Lambda, the
 * application's own, else one made on the first send from what Lambda provides: region,
 * credentials, and {@code AWS_ENDPOINT_URL} when set). Queue ids resolve as for
 * {@code @SqsQueueProcessor}: an id of {@code tributary.queues}, else a queue of that name, or an
 * ARN. Startup fails when a fan-out's queue is not in any processor's {@code sendsTo}.
 *
 * @author Tributary
 */
@AutoConfiguration(after = { TributaryAutoConfiguration.class, TributaryLocalAwsAutoConfiguration.class })
@ConditionalOnClass(SqsClient.class)
@Import(TributarySqsFanOutAutoConfiguration.LambdaSqsClientConfiguration.class)
public final class TributarySqsFanOutAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(SqsClient.class)
	SqsFanOut tributarySqsFanOut(ObjectProvider<SqsClient> sqs, TributaryProperties properties) {
		SqsQueueResolver queues = new SqsQueueResolver(properties.getQueues());
		return new SqsFanOut(sqs::getObject, (id) -> queues.resolve(new BoundValue<>(id, "the queue of SqsFanOut.to(\""
				+ id + "\")")));
	}

	@Bean
	@ConditionalOnBean({ SqsFanOut.class, StreamProcessorRegistry.class })
	static FanOutDeclarationCheck tributaryFanOutDeclarationCheck(SqsFanOut fanOut,
			StreamProcessorRegistry registry) {
		return new FanOutDeclarationCheck(fanOut, registry);
	}

	/**
	 * Inside Lambda, an {@link SqsClient} made on first use: a function that never sends does
	 * not pay for it at its cold start.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(InsideLambdaCondition.class)
	@ConditionalOnClass(UrlConnectionHttpClient.class)
	static class LambdaSqsClientConfiguration {

		@Bean(destroyMethod = "close")
		@Lazy
		@ConditionalOnMissingBean
		SqsClient sqsClient() {
			return SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
		}

	}

}
