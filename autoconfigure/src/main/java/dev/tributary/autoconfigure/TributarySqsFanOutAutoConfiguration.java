package dev.tributary.autoconfigure;

import dev.tributary.SqsFanOut;
import dev.tributary.autoconfigure.local.TributaryLocalAwsAutoConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link SqsFanOut} processors forward records to queues with: wherever an {@link SqsClient}
 * bean exists (the local runtime's, talking to the embedded emulator; in Lambda, one the
 * application declares). Queue ids resolve as for {@code @SqsQueueProcessor}: an id of
 * {@code tributary.queues}, else a queue of that name, or an ARN.
 *
 * @author Tributary
 */
@AutoConfiguration(after = { TributaryAutoConfiguration.class, TributaryLocalAwsAutoConfiguration.class })
@ConditionalOnClass(SqsClient.class)
@ConditionalOnBean(SqsClient.class)
public final class TributarySqsFanOutAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SqsFanOut tributarySqsFanOut(SqsClient sqs, TributaryProperties properties) {
		SqsQueueResolver queues = new SqsQueueResolver(properties.getQueues());
		return new SqsFanOut(sqs, (id) -> queues.resolve(new BoundValue<>(id, "the queue of SqsFanOut.to(\"" + id
				+ "\")")));
	}

}
