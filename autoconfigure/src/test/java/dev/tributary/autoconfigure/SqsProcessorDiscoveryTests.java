package dev.tributary.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import dev.tributary.SqsMessage;
import dev.tributary.SqsProcessorDefinition;
import dev.tributary.SqsQueueDescriptor;
import dev.tributary.SqsQueueProcessor;
import dev.tributary.StreamProcessorRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.tributary.autoconfigure.BindingFailures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

class SqsProcessorDiscoveryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryAutoConfiguration.class));

	@Test
	void anAnnotatedSqsProcessorIsRegisteredWithItsQueueAndLambdasDefaultBatchSize() {
		this.contextRunner.withUserConfiguration(ShipmentsConfiguration.class).run((context) -> {
			StreamProcessorRegistry registry = context.getBean(StreamProcessorRegistry.class);
			SqsProcessorDefinition<?> processor = registry.getProcessors(SqsProcessorDefinition.class).get(0);
			assertThat(processor.name()).isEqualTo("shipments");
			assertThat(processor.payloadType().resolve()).isEqualTo(Shipment.class);
			SqsQueueDescriptor queue = processor.binding().queue();
			assertThat(queue.name()).isEqualTo("Shipments");
			assertThat(queue.fifo()).isFalse();
			assertThat(queue.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(queue.deadLetterQueue()).isNull();
			assertThat(processor.options().batchSize()).isEqualTo(10);
			assertThat(processor.binding().options().maximumConcurrency()).isNull();
			assertThat(registry.getTables()).isEmpty();
			assertThat(registry.getStreams()).isEmpty();
		});
	}

	@Test
	void aQueueDeclaredUnderTributaryQueuesHasItsNameFifoVisibilityAndDeadLetterQueue() {
		this.contextRunner.withUserConfiguration(ShipmentsConfiguration.class)
			.withPropertyValues("tributary.queues.Shipments.fifo=true",
					"tributary.queues.Shipments.visibility-timeout=2m",
					"tributary.queues.Shipments.dead-letter.queue=shipments-failed.fifo",
					"tributary.queues.Shipments.dead-letter.max-receive-count=3",
					"tributary.processors.shipments.maximum-concurrency=5")
			.run((context) -> {
				SqsProcessorDefinition<?> processor = context.getBean(StreamProcessorRegistry.class)
					.getProcessors(SqsProcessorDefinition.class)
					.get(0);
				SqsQueueDescriptor queue = processor.binding().queue();
				assertThat(queue.name()).isEqualTo("Shipments.fifo");
				assertThat(queue.fifo()).isTrue();
				assertThat(queue.visibilityTimeout()).isEqualTo(Duration.ofMinutes(2));
				assertThat(queue.deadLetterQueue()).isEqualTo("shipments-failed.fifo");
				assertThat(queue.maxReceiveCount()).isEqualTo(3);
				assertThat(processor.binding().options().maximumConcurrency()).isEqualTo(5);
			});
	}

	@Test
	void aQueueNamedByItsArnIsAnExistingQueue() {
		String arn = "arn:aws:sqs:eu-west-1:123456789012:orders.fifo";
		this.contextRunner.withUserConfiguration(ShipmentsConfiguration.class)
			.withPropertyValues("tributary.processors.shipments.queue=" + arn)
			.run((context) -> {
				SqsQueueDescriptor queue = context.getBean(StreamProcessorRegistry.class)
					.getProcessors(SqsProcessorDefinition.class)
					.get(0)
					.binding()
					.queue();
				assertThat(queue.isExisting()).isTrue();
				assertThat(queue.name()).isEqualTo("orders.fifo");
				assertThat(queue.fifo()).isTrue();
			});
	}

	@Test
	void aFifoQueueTakesAtMostTenMessagesPerBatch() {
		this.contextRunner.withUserConfiguration(ShipmentsConfiguration.class)
			.withPropertyValues("tributary.queues.Shipments.fifo=true", "tributary.processors.shipments.batch-size=20",
					"tributary.processors.shipments.max-batching-window=5s")
			.run(failsWith("tributary.processors.shipments.batch-size", "A FIFO queue's mapping takes at most 10"));
	}

	@Test
	void moreThanTenMessagesPerBatchNeedABatchingWindow() {
		this.contextRunner.withUserConfiguration(ShipmentsConfiguration.class)
			.withPropertyValues("tributary.processors.shipments.batch-size=100")
			.run(failsWith("tributary.processors.shipments.batch-size", "only with a batching window",
					"max-batching-window"));
	}

	@Test
	void aStreamSettingOnAnSqsProcessorSaysWhatAQueueUsesInstead() {
		this.contextRunner.withUserConfiguration(ShipmentsConfiguration.class)
			.withPropertyValues("tributary.processors.shipments.max-retry-attempts=3")
			.run(failsWith("tributary.processors.shipments.max-retry-attempts", "is an SQS processor",
					"dead-letter.max-receive-count"));
	}

	@Test
	void aFifoQueueNameWithoutTheSuffixNamesTheProperty() {
		this.contextRunner.withUserConfiguration(ShipmentsConfiguration.class)
			.withPropertyValues("tributary.queues.Shipments.fifo=true", "tributary.queues.Shipments.name=shipments")
			.run(failsWith("tributary.queues.Shipments.name", "must end with '.fifo'"));
	}

	@Test
	void aMaximumConcurrencyOutsideLambdasRangeIsRejected() {
		this.contextRunner.withUserConfiguration(ShipmentsConfiguration.class)
			.withPropertyValues("tributary.processors.shipments.maximum-concurrency=1")
			.run(failsWith("tributary.processors.shipments.maximum-concurrency", "2 to 1000"));
	}

	record Shipment(String id, int parcels) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ShipmentsConfiguration {

		@Bean
		@SqsQueueProcessor("Shipments")
		Function<Flux<SqsMessage<Shipment>>, Mono<Void>> shipments() {
			return (messages) -> messages.then();
		}

	}

}
