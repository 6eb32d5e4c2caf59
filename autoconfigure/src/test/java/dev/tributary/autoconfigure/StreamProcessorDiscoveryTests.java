package dev.tributary.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.tributary.DynamoDbStreamBinding;
import dev.tributary.DynamoDbStreamOptions;
import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.KeyAttribute;
import dev.tributary.KeyAttribute.ScalarType;
import dev.tributary.ProcessorDefinition;
import dev.tributary.ProcessorOptions;
import dev.tributary.StartingPosition;
import dev.tributary.StreamProcessorDefinition;
import dev.tributary.StreamProcessorRegistry;
import dev.tributary.StreamProcessors;
import dev.tributary.StreamRecord;
import dev.tributary.StreamViewType;
import dev.tributary.TableDescriptor;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

class StreamProcessorDiscoveryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryAutoConfiguration.class));

	@Test
	void annotatedProcessorBecomesARegisteredProcessorWithItsRecordType() {
		this.contextRunner.withUserConfiguration(AnnotatedProcessorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(StreamProcessorRegistry.class);
			StreamProcessorDefinition<?> processor = processor(context.getBean(StreamProcessorRegistry.class),
					"logItems");
			assertThat(processor.recordType().resolve()).isEqualTo(Item.class);
			assertThat(DynamoDbStreamBinding.of(processor).table().id()).isEqualTo("Items");
			assertThat(DynamoDbStreamBinding.of(processor).table().name()).isEqualTo("Items");
			assertThat(DynamoDbStreamBinding.of(processor).table().partitionKey()).isEqualTo(new KeyAttribute("id", ScalarType.S));
			assertThat(DynamoDbStreamBinding.of(processor).table().sortKey()).isNull();
			assertThat(DynamoDbStreamBinding.of(processor).options().viewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
			assertThat(DynamoDbStreamBinding.of(processor).options().startingPosition()).isEqualTo(StartingPosition.TRIM_HORIZON);
			assertThat(processor.options().batchSize()).isEqualTo(10);
			assertThat(processor.function()).isSameAs(context.getBean("logItems"));
		});
	}

	@Test
	void unsetSettingsTakeLambdasDefaults() {
		this.contextRunner.withUserConfiguration(MinimalProcessorConfiguration.class).run((context) -> {
			StreamProcessorDefinition<?> processor = processor(context.getBean(StreamProcessorRegistry.class),
					"minimal");
			ProcessorOptions options = processor.options();
			DynamoDbStreamOptions source = DynamoDbStreamBinding.of(processor).options();
			assertThat(options).isEqualTo(ProcessorOptions.defaults());
			assertThat(source).isEqualTo(DynamoDbStreamOptions.defaults());
			assertThat(source.viewType()).isEqualTo(StreamViewType.KEYS_ONLY);
			assertThat(source.startingPosition()).isEqualTo(StartingPosition.LATEST);
			assertThat(options.batchSize()).isEqualTo(100);
			assertThat(options.maxRetryAttempts()).isEqualTo(-1);
			assertThat(options.maxRecordAge()).isEmpty();
		});
	}

	@Test
	void everyAnnotationAttributeIsBound() {
		this.contextRunner.withUserConfiguration(FullyAnnotatedProcessorConfiguration.class).run((context) -> {
			ProcessorOptions options = processor(context.getBean(StreamProcessorRegistry.class), "orders").options();
			assertThat(options.maxBatchingWindow()).isEqualTo(Duration.ofMillis(500));
			assertThat(options.maxRetryAttempts()).isEqualTo(3);
			assertThat(options.maxRecordAge()).contains(Duration.ofHours(1));
			assertThat(options.bisectOnError()).isTrue();
			assertThat(options.parallelizationFactor()).isEqualTo(4);
			assertThat(options.onFailureDestination()).contains("orders-dlq");
			assertThat(options.filterPatterns()).containsExactly("{\"eventName\": [\"INSERT\"]}");
		});
	}

	@Test
	void propertiesAloneBindAProcessorWithoutAnnotation() {
		this.contextRunner.withUserConfiguration(UnannotatedProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.audit.table=Items", "tributary.processors.audit.view-type=NEW_IMAGE",
					"tributary.processors.audit.batch-size=25", "tributary.processors.audit.max-record-age=2h",
					"tributary.processors.audit.filter-patterns[0]={\"eventName\":[\"REMOVE\"]}")
			.run((context) -> {
				StreamProcessorDefinition<?> processor = processor(context.getBean(StreamProcessorRegistry.class),
						"audit");
				assertThat(DynamoDbStreamBinding.of(processor).table().id()).isEqualTo("Items");
				assertThat(DynamoDbStreamBinding.of(processor).options().viewType()).isEqualTo(StreamViewType.NEW_IMAGE);
				assertThat(processor.options().batchSize()).isEqualTo(25);
				assertThat(processor.options().maxRecordAge()).contains(Duration.ofHours(2));
				assertThat(processor.options().filterPatterns()).containsExactly("{\"eventName\":[\"REMOVE\"]}");
			});
	}

	@Test
	void propertiesWinOverTheAnnotationAndLeaveTheRestAlone() {
		this.contextRunner.withUserConfiguration(AnnotatedProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.batch-size=500",
					"tributary.processors.logItems.starting-position=LATEST")
			.run((context) -> {
				StreamProcessorDefinition<?> processor = processor(context.getBean(StreamProcessorRegistry.class),
						"logItems");
				DynamoDbStreamOptions source = DynamoDbStreamBinding.of(processor).options();
				assertThat(processor.options().batchSize()).isEqualTo(500);
				assertThat(source.startingPosition()).isEqualTo(StartingPosition.LATEST);
				assertThat(source.viewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
			});
	}

	@Test
	void propertiesFromTheEnvironmentMatchBeanNamesIgnoringCase() {
		this.contextRunner.withUserConfiguration(AnnotatedProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logitems.batch-size=7")
			.run((context) -> assertThat(
					processor(context.getBean(StreamProcessorRegistry.class), "logItems").options().batchSize())
				.isEqualTo(7));
	}

	@Test
	void physicalTableNameComesFromTheStageProperties() {
		this.contextRunner.withUserConfiguration(AnnotatedProcessorConfiguration.class)
			.withPropertyValues("tributary.tables.Items.name=prod-items")
			.run((context) -> {
				StreamProcessorRegistry registry = context.getBean(StreamProcessorRegistry.class);
				assertThat(DynamoDbStreamBinding.of(processor(registry, "logItems")).table().name()).isEqualTo("prod-items");
				assertThat(registry.getTables()).extracting("id", "name").containsExactly(
						org.assertj.core.groups.Tuple.tuple("Items", "prod-items"));
			});
	}

	@Test
	void keySchemaComesFromPropertiesWhenTheRecordTypeHasNone() {
		this.contextRunner.withUserConfiguration(RawProcessorConfiguration.class)
			.withPropertyValues("tributary.tables.Events.partition-key=pk", "tributary.tables.Events.sort-key=at",
					"tributary.tables.Events.sort-key-type=N")
			.run((context) -> {
				StreamProcessorDefinition<?> processor = processor(context.getBean(StreamProcessorRegistry.class),
						"raw");
				TableDescriptor table = DynamoDbStreamBinding.of(processor).table();
				assertThat(table.partitionKey()).isEqualTo(new KeyAttribute("pk", ScalarType.S));
				assertThat(table.sortKey()).isEqualTo(new KeyAttribute("at", ScalarType.N));
				assertThat(processor.recordType()).hasToString(ResolvableType
					.forClassWithGenerics(Map.class, String.class, AttributeValue.class)
					.toString());
			});
	}

	@Test
	void keySchemaIncludesTheRecordTypesSortKey() {
		this.contextRunner.withUserConfiguration(SortKeyProcessorConfiguration.class).run((context) -> {
			StreamProcessorDefinition<?> processor = processor(context.getBean(StreamProcessorRegistry.class),
					"events");
			assertThat(DynamoDbStreamBinding.of(processor).table().partitionKey()).isEqualTo(new KeyAttribute("deviceId", ScalarType.S));
			assertThat(DynamoDbStreamBinding.of(processor).table().sortKey()).isEqualTo(new KeyAttribute("at", ScalarType.N));
		});
	}

	@Test
	void otherFunctionBeansAreNotProcessors() {
		this.contextRunner.withUserConfiguration(AnnotatedProcessorConfiguration.class, OtherFunctionConfiguration.class)
			.run((context) -> assertThat(context.getBean(StreamProcessorRegistry.class).getProcessors())
				.extracting(ProcessorDefinition::name)
				.containsExactly("logItems"));
	}

	@Test
	void applicationWithoutProcessorsHasAnEmptyRegistry() {
		this.contextRunner.run((context) -> assertThat(context.getBean(StreamProcessorRegistry.class).getProcessors())
			.isEmpty());
	}

	@Test
	void userDefinedRegistryBacksOff() {
		this.contextRunner.withUserConfiguration(AnnotatedProcessorConfiguration.class)
			.withBean("customRegistry", StreamProcessorRegistry.class,
					() -> new dev.tributary.registry.DefaultStreamProcessorRegistry(List.of()))
			.run((context) -> assertThat(context).hasSingleBean(StreamProcessorRegistry.class)
				.getBean(StreamProcessorRegistry.class)
				.extracting(StreamProcessorRegistry::getProcessors)
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.isEmpty());
	}

	static StreamProcessorDefinition<?> processor(StreamProcessorRegistry registry, String name) {
		return (StreamProcessorDefinition<?>) registry.getProcessor(name).orElseThrow();
	}

	record Item(@DynamoDbPartitionKey String id, String content) {
	}

	record Reading(@DynamoDbPartitionKey String deviceId, @DynamoDbSortKey long at, double value) {
	}

	@Configuration(proxyBeanMethods = false)
	static class AnnotatedProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor(table = "Items", viewType = StreamViewType.NEW_AND_OLD_IMAGES,
				startingPosition = StartingPosition.TRIM_HORIZON, batchSize = 10)
		Function<Flux<StreamRecord<Item>>, Mono<Void>> logItems() {
			return StreamProcessors.forEach((record) -> {
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MinimalProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor("Items")
		Function<Flux<StreamRecord<Item>>, Mono<Void>> minimal() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FullyAnnotatedProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor(table = "Items", maxBatchingWindow = "500ms", maxRetryAttempts = 3,
				maxRecordAge = "1h", bisectOnError = true, parallelizationFactor = 4, onFailure = "orders-dlq",
				filterPatterns = "{\"eventName\": [\"INSERT\"]}")
		Function<Flux<StreamRecord<Item>>, Mono<Void>> orders() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnannotatedProcessorConfiguration {

		@Bean
		Function<Flux<StreamRecord<Item>>, Mono<Void>> audit() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RawProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor("Events")
		Function<Flux<StreamRecord<Map<String, AttributeValue>>>, Mono<Void>> raw() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SortKeyProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor("Readings")
		Function<Flux<StreamRecord<Reading>>, Mono<Void>> events() {
			return (records) -> records.then();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherFunctionConfiguration {

		@Bean
		Function<String, String> uppercase() {
			return String::toUpperCase;
		}

		@Bean
		Function<Flux<String>, Mono<Void>> drain() {
			return Flux::then;
		}

	}

}
