package dev.tributary.autoconfigure;

import java.time.Instant;
import java.util.function.Function;

import dev.tributary.KinesisProcessorDefinition;
import dev.tributary.KinesisRecord;
import dev.tributary.KinesisStreamBinding;
import dev.tributary.KinesisStreamDescriptor;
import dev.tributary.KinesisStreamMode;
import dev.tributary.KinesisStreamProcessor;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorDefinition;
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

class KinesisProcessorDiscoveryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryAutoConfiguration.class));

	@Test
	void anAnnotatedKinesisProcessorIsRegisteredWithItsStreamAndPayloadType() {
		this.contextRunner.withUserConfiguration(OrdersConfiguration.class).run((context) -> {
			StreamProcessorRegistry registry = context.getBean(StreamProcessorRegistry.class);
			assertThat(registry.getProcessors(StreamProcessorDefinition.class)).isEmpty();
			assertThat(registry.getProcessors()).hasSize(1);
			KinesisProcessorDefinition<?> processor = (KinesisProcessorDefinition<?>) registry.getProcessors().get(0);
			assertThat(processor.name()).isEqualTo("orders");
			assertThat(processor.payloadType().resolve()).isEqualTo(Order.class);
			assertThat(processor.binding().stream().name()).isEqualTo("orders-stream");
			assertThat(processor.binding().options().startingPosition()).isEqualTo(StartingPosition.TRIM_HORIZON);
			assertThat(processor.binding().options().startingPositionTimestamp()).isNull();
			assertThat(processor.options().batchSize()).isEqualTo(25);
			assertThat(processor.function()).isSameAs(context.getBean("orders"));
			assertThat(registry.getBindings()).containsExactly(processor.binding());
			assertThat(registry.getTables()).isEmpty();
		});
	}

	@Test
	void atTimestampTakesTheAnnotationsTimestamp() {
		this.contextRunner.withUserConfiguration(AtTimestampConfiguration.class).run((context) -> {
			KinesisStreamBinding binding = context.getBean(StreamProcessorRegistry.class)
				.getProcessors(KinesisProcessorDefinition.class)
				.get(0)
				.binding();
			assertThat(binding.options().startingPosition()).isEqualTo(StartingPosition.AT_TIMESTAMP);
			assertThat(binding.options().startingPositionTimestamp()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
		});
	}

	@Test
	void propertiesOverrideTheCommonOptionsAndTheStartingPosition() {
		this.contextRunner.withUserConfiguration(OrdersConfiguration.class)
			.withPropertyValues("tributary.processors.orders.batch-size=7",
					"tributary.processors.orders.starting-position=LATEST")
			.run((context) -> {
				KinesisProcessorDefinition<?> processor = context.getBean(StreamProcessorRegistry.class)
					.getProcessors(KinesisProcessorDefinition.class)
					.get(0);
				assertThat(processor.options().batchSize()).isEqualTo(7);
				assertThat(processor.binding().options().startingPosition()).isEqualTo(StartingPosition.LATEST);
			});
	}

	@Test
	void aKinesisProcessorWithoutAStreamNamesTheAttribute() {
		this.contextRunner.withUserConfiguration(NoStreamConfiguration.class)
			.run(failsWith("Invalid value '' for @KinesisStreamProcessor(stream) on bean 'orders'",
					"must name the stream"));
	}

	@Test
	void atTimestampWithoutATimestampNamesTheAttribute() {
		this.contextRunner.withUserConfiguration(AtTimestampWithoutTimestampConfiguration.class)
			.run(failsWith("@KinesisStreamProcessor(startingPositionTimestamp) on bean 'orders'",
					"AT_TIMESTAMP (from @KinesisStreamProcessor(startingPosition) on bean 'orders')",
					"ISO-8601 instant"));
	}

	@Test
	void atTimestampFromAPropertyWithoutATimestampNamesTheProperty() {
		this.contextRunner.withUserConfiguration(OrdersConfiguration.class)
			.withPropertyValues("tributary.processors.orders.starting-position=AT_TIMESTAMP")
			.run(failsWith("@KinesisStreamProcessor(startingPositionTimestamp) on bean 'orders'",
					"AT_TIMESTAMP (from tributary.processors.orders.starting-position)"));
	}

	@Test
	void aTimestampThatIsNotAnInstantIsRejected() {
		this.contextRunner.withUserConfiguration(BadTimestampConfiguration.class)
			.run(failsWith("'yesterday' for @KinesisStreamProcessor(startingPositionTimestamp) on bean 'orders'",
					"not an ISO-8601 instant"));
	}

	@Test
	void aTimestampWithoutAtTimestampIsRejected() {
		this.contextRunner.withUserConfiguration(TimestampWithoutAtTimestampConfiguration.class)
			.run(failsWith("@KinesisStreamProcessor(startingPositionTimestamp) on bean 'orders'",
					"only used with the starting position AT_TIMESTAMP"));
	}

	@Test
	void aKinesisProcessorWithoutTheAnnotationIsAClearError() {
		this.contextRunner.withUserConfiguration(UnannotatedConfiguration.class)
			.run(failsWith("bean 'orders'", "not bound to a stream", "@KinesisStreamProcessor(stream",
					"tributary.processors.orders.stream"));
	}

	@Test
	void aDynamoDbSettingOnAKinesisProcessorNamesTheProperty() {
		this.contextRunner.withUserConfiguration(OrdersConfiguration.class)
			.withPropertyValues("tributary.processors.orders.view-type=NEW_IMAGE")
			.run(failsWith("'NEW_IMAGE' for tributary.processors.orders.view-type", "DynamoDB Streams setting",
					"Remove tributary.processors.orders.view-type"));
	}

	@Test
	void aStreamDeclaredUnderTributaryStreamsHasItsPhysicalNameAndShardCount() {
		this.contextRunner.withUserConfiguration(OrdersConfiguration.class)
			.withPropertyValues("tributary.streams.orders-stream.name=orders-dev",
					"tributary.streams.orders-stream.shard-count=4")
			.run((context) -> {
				StreamProcessorRegistry registry = context.getBean(StreamProcessorRegistry.class);
				assertThat(registry.getStreams()).containsExactly(new KinesisStreamDescriptor("orders-stream",
						"orders-dev", null, KinesisStreamMode.PROVISIONED, 4));
				assertThat(registry.getStreams().get(0).isExisting()).isFalse();
			});
	}

	@Test
	void anUndeclaredStreamIsAOneShardStreamNamedByItsId() {
		this.contextRunner.withUserConfiguration(OrdersConfiguration.class).run((context) -> {
			KinesisStreamDescriptor stream = context.getBean(StreamProcessorRegistry.class).getStreams().get(0);
			assertThat(stream).isEqualTo(
					new KinesisStreamDescriptor("orders-stream", "orders-stream", null, KinesisStreamMode.PROVISIONED, 1));
		});
	}

	@Test
	void aStreamNamedByItsArnIsAnExistingStream() {
		String arn = "arn:aws:kinesis:eu-west-1:123456789012:stream/orders";
		this.contextRunner.withUserConfiguration(OrdersConfiguration.class)
			.withPropertyValues("tributary.processors.orders.stream=" + arn)
			.run((context) -> {
				KinesisStreamDescriptor stream = context.getBean(StreamProcessorRegistry.class).getStreams().get(0);
				assertThat(stream.name()).isEqualTo("orders");
				assertThat(stream.arn()).isEqualTo(arn);
				assertThat(stream.isExisting()).isTrue();
			});
	}

	@Test
	void anArnOfAnotherServiceNamesTheProperty() {
		this.contextRunner.withUserConfiguration(OrdersConfiguration.class)
			.withPropertyValues("tributary.processors.orders.stream=arn:aws:sqs:eu-west-1:123456789012:orders")
			.run(failsWith("for tributary.processors.orders.stream", "not the ARN of a Kinesis data stream"));
	}

	@Test
	void aShardCountOnAnOnDemandStreamNamesTheProperty() {
		this.contextRunner.withUserConfiguration(OrdersConfiguration.class)
			.withPropertyValues("tributary.streams.orders-stream.mode=ON_DEMAND",
					"tributary.streams.orders-stream.shard-count=2")
			.run(failsWith("'2' for tributary.streams.orders-stream.shard-count", "ON_DEMAND stream has no fixed",
					"tributary.streams.orders-stream.mode to PROVISIONED"));
	}

	@Test
	void aStreamNameThatKinesisRejectsNamesTheProperty() {
		this.contextRunner.withUserConfiguration(OrdersConfiguration.class)
			.withPropertyValues("tributary.streams.orders-stream.name=orders stream")
			.run(failsWith("'orders stream' for tributary.streams.orders-stream.name", "1 to 128 characters"));
	}

	@Test
	void aKinesisProcessorCanBeBoundByPropertiesAlone() {
		this.contextRunner.withUserConfiguration(UnannotatedConfiguration.class)
			.withPropertyValues("tributary.processors.orders.stream=orders-stream",
					"tributary.processors.orders.starting-position=AT_TIMESTAMP",
					"tributary.processors.orders.starting-position-timestamp=2026-01-31T12:00:00Z")
			.run((context) -> {
				KinesisStreamBinding binding = context.getBean(StreamProcessorRegistry.class)
					.getProcessors(KinesisProcessorDefinition.class)
					.get(0)
					.binding();
				assertThat(binding.stream().name()).isEqualTo("orders-stream");
				assertThat(binding.options().startingPositionTimestamp())
					.isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
			});
	}

	record Order(String id, int quantity) {
	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersConfiguration {

		@Bean
		@KinesisStreamProcessor(stream = "orders-stream", startingPosition = StartingPosition.TRIM_HORIZON,
				batchSize = 25)
		Function<Flux<KinesisRecord<Order>>, Mono<Void>> orders() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AtTimestampConfiguration {

		@Bean
		@KinesisStreamProcessor(stream = "orders-stream", startingPosition = StartingPosition.AT_TIMESTAMP,
				startingPositionTimestamp = "2026-01-31T12:00:00Z")
		Function<Flux<KinesisRecord<Order>>, Mono<Void>> orders() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoStreamConfiguration {

		@Bean
		@KinesisStreamProcessor(batchSize = 10)
		Function<Flux<KinesisRecord<Order>>, Mono<Void>> orders() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AtTimestampWithoutTimestampConfiguration {

		@Bean
		@KinesisStreamProcessor(stream = "orders-stream", startingPosition = StartingPosition.AT_TIMESTAMP)
		Function<Flux<KinesisRecord<Order>>, Mono<Void>> orders() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadTimestampConfiguration {

		@Bean
		@KinesisStreamProcessor(stream = "orders-stream", startingPosition = StartingPosition.AT_TIMESTAMP,
				startingPositionTimestamp = "yesterday")
		Function<Flux<KinesisRecord<Order>>, Mono<Void>> orders() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TimestampWithoutAtTimestampConfiguration {

		@Bean
		@KinesisStreamProcessor(stream = "orders-stream", startingPositionTimestamp = "2026-01-31T12:00:00Z")
		Function<Flux<KinesisRecord<Order>>, Mono<Void>> orders() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnannotatedConfiguration {

		@Bean
		Function<Flux<KinesisRecord<Order>>, Mono<Void>> orders() {
			return (records) -> records.then();
		}

	}

}
