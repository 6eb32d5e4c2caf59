package dev.tributary.autoconfigure;

import java.util.function.Function;

import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.SqsFanOut;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.tributary.autoconfigure.BindingFailures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class SqsFanOutAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TributaryAutoConfiguration.class, TributarySqsFanOutAutoConfiguration.class));

	@Test
	void aProcessorThatDeclaresItsQueueForwardsToIt() {
		this.contextRunner.withUserConfiguration(ClientConfiguration.class, DeclaredConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(SqsFanOut.class).targets()).extracting(SqsQueueDescriptor::name)
					.containsExactly("ItemChanges");
				assertThat(context.getBean(StreamProcessorRegistry.class).getProcessor("forward").orElseThrow()
					.options()
					.sendsTo()).extracting(SqsQueueDescriptor::name).containsExactly("ItemChanges");
			});
	}

	@Test
	void aFanOutToAQueueNoProcessorDeclaresFailsStartupSayingWhatToAdd() {
		this.contextRunner.withUserConfiguration(ClientConfiguration.class, UndeclaredConfiguration.class)
			.run(failsWith("sendsTo of the processor that forwards with SqsFanOut.to(\"ItemChanges\")", "ItemChanges",
					"Add sendsTo = \"ItemChanges\""));
	}

	@Test
	void thePropertyDeclaresTheQueueAsWellAsTheAnnotation() {
		this.contextRunner.withUserConfiguration(ClientConfiguration.class, UndeclaredConfiguration.class)
			.withPropertyValues("tributary.processors.forward.sends-to=ItemChanges")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void insideLambdaTheClientIsMadeOnTheFirstSendNotAtStartup() {
		this.contextRunner.withUserConfiguration(DeclaredConfiguration.class)
			.withPropertyValues("tributary.lambda.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(SqsFanOut.class);
				assertThat(context.getBeanFactory().containsSingleton("sqsClient")).isFalse();
			});
	}

	@Test
	void withoutAClientThereIsNoFanOut() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(SqsFanOut.class));
	}

	@Test
	void theClientIsNotCalledAtStartup() {
		SqsClient sqs = mock(SqsClient.class);
		this.contextRunner.withUserConfiguration(DeclaredConfiguration.class)
			.withBean(SqsClient.class, () -> sqs)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				verifyNoInteractions(sqs);
			});
	}

	record Item(@DynamoDbPartitionKey String id, String content) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfiguration {

		@Bean
		SqsClient sqsClient() {
			return mock(SqsClient.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DeclaredConfiguration {

		@Bean
		@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_AND_OLD_IMAGES,
				sendsTo = "ItemChanges")
		Function<Flux<StreamRecord<Item>>, Mono<Void>> forward(SqsFanOut fanOut) {
			return fanOut.changesTo("ItemChanges");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UndeclaredConfiguration {

		@Bean
		@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_AND_OLD_IMAGES)
		Function<Flux<StreamRecord<Item>>, Mono<Void>> forward(SqsFanOut fanOut) {
			return fanOut.changesTo("ItemChanges");
		}

	}

}
