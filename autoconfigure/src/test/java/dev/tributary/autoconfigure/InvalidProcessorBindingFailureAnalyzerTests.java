package dev.tributary.autoconfigure;

import java.util.function.Function;

import dev.tributary.DynamoDbStreamProcessor;
import dev.tributary.StartingPosition;
import dev.tributary.StreamRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static dev.tributary.autoconfigure.BindingFailures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

class InvalidProcessorBindingFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TributaryAutoConfiguration.class));

	@Test
	void batchSizeOutOfRangeInPropertiesNamesThePropertyAndTheRange() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.batch-size=0")
			.run(failsWith("Invalid value '0' for tributary.processors.logItems.batch-size",
					"The batch size must be between 1 and 10000.", "Change tributary.processors.logItems.batch-size"));
	}

	@Test
	void batchSizeOutOfRangeInTheAnnotationNamesTheAnnotationAndTheBean() {
		this.contextRunner.withUserConfiguration(HugeBatchConfiguration.class)
			.run(failsWith("Invalid value '20000' for @DynamoDbStreamProcessor(batchSize) on bean 'huge'",
					"between 1 and 10000"));
	}

	@Test
	void parallelizationFactorAboveTenIsRejected() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.parallelization-factor=11")
			.run(failsWith("'11' for tributary.processors.logItems.parallelization-factor", "between 1 and 10"));
	}

	@Test
	void atTimestampIsNotADynamoDbStartingPosition() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.starting-position=AT_TIMESTAMP")
			.run(failsWith("'AT_TIMESTAMP' for tributary.processors.logItems.starting-position",
					"AT_TIMESTAMP is not a DynamoDB starting position", "LATEST or TRIM_HORIZON"));
	}

	@Test
	void aKinesisStreamSettingOnADynamoDbProcessorIsRejected() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.stream=Events")
			.run(failsWith("'Events' for tributary.processors.logItems.stream",
					"It is a Kinesis setting, and 'logItems' is a DynamoDB Streams processor"));
	}

	@Test
	void aKinesisStartingTimestampOnADynamoDbProcessorIsRejectedNotIgnored() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.starting-position-timestamp=2026-01-31T12:00:00Z")
			.run(failsWith("'2026-01-31T12:00:00Z' for tributary.processors.logItems.starting-position-timestamp",
					"It is a Kinesis setting, and 'logItems' is a DynamoDB Streams processor"));
	}

	@Test
	void maximumRecordAgeBelowSixtySecondsIsRejected() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.max-record-age=10s")
			.run(failsWith("'PT10S' for tributary.processors.logItems.max-record-age",
					"between 60 seconds and 7 days"));
	}

	@Test
	void maximumBatchingWindowAboveFiveMinutesIsRejected() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.max-batching-window=301s")
			.run(failsWith("tributary.processors.logItems.max-batching-window", "between 0 and 300 seconds"));
	}

	@Test
	void retryAttemptsBelowMinusOneAreRejected() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.max-retry-attempts=-2")
			.run(failsWith("'-2' for tributary.processors.logItems.max-retry-attempts", "-1 to retry until"));
	}

	@Test
	void onFailureDestinationMustBeAQueueNameOrArn() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.on-failure=not a queue!")
			.run(failsWith("'not a queue!' for tributary.processors.logItems.on-failure", "SQS queue name"));
	}

	@Test
	void filterPatternMustBeAJsonObject() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItems.filter-patterns[0]=eventName=INSERT")
			.run(failsWith("tributary.processors.logItems.filter-patterns", "must be a JSON object"));
	}

	@Test
	void invalidDurationInTheAnnotationIsRejected() {
		this.contextRunner.withUserConfiguration(BadDurationConfiguration.class)
			.run(failsWith("'soon' for @DynamoDbStreamProcessor(maxBatchingWindow) on bean 'impatient'",
					"not a duration"));
	}

	@Test
	void processorBeanWithoutABindingFailsNamingTheBean() {
		this.contextRunner.withUserConfiguration(UnboundProcessorConfiguration.class)
			.run(failsWith("bean 'unbound'", "not bound to a table",
					"@DynamoDbStreamProcessor(table = \"...\"), or set tributary.processors.unbound.table"));
	}

	@Test
	void bindingThatNamesNoBeanFails() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.processors.logItemz.batch-size=5")
			.run(failsWith("tributary.processors.logItemz", "names no processor bean", "[logItems]"));
	}

	@Test
	void tableWithoutKeySchemaFailsNamingThePropertyToSet() {
		this.contextRunner.withUserConfiguration(KeylessProcessorConfiguration.class)
			.run(failsWith("tributary.tables.Notes.partition-key", "declares no @DynamoDbPartitionKey"));
	}

	@Test
	void unsupportedRecordTypeFailsNamingTheType() {
		this.contextRunner.withUserConfiguration(StringProcessorConfiguration.class)
			.run(failsWith("the record type of processor 'strings'", "java.lang.String"));
	}

	@Test
	void invalidPhysicalTableNameIsRejected() {
		this.contextRunner.withUserConfiguration(ItemsProcessorConfiguration.class)
			.withPropertyValues("tributary.tables.Items.name=x")
			.run(failsWith("'x' for tributary.tables.Items.name", "3 to 255 characters"));
	}

	record Item(@DynamoDbPartitionKey String id, String content) {
	}

	record Note(String id, String text) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ItemsProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor(table = "Items", startingPosition = StartingPosition.TRIM_HORIZON)
		Function<Flux<StreamRecord<Item>>, Mono<Void>> logItems() {
			return Flux::then;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HugeBatchConfiguration {

		@Bean
		@DynamoDbStreamProcessor(table = "Items", batchSize = 20000)
		Function<Flux<StreamRecord<Item>>, Mono<Void>> huge() {
			return Flux::then;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadDurationConfiguration {

		@Bean
		@DynamoDbStreamProcessor(table = "Items", maxBatchingWindow = "soon")
		Function<Flux<StreamRecord<Item>>, Mono<Void>> impatient() {
			return Flux::then;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnboundProcessorConfiguration {

		@Bean
		Function<Flux<StreamRecord<Item>>, Mono<Void>> unbound() {
			return Flux::then;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class KeylessProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor("Notes")
		Function<Flux<StreamRecord<Note>>, Mono<Void>> notes() {
			return Flux::then;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StringProcessorConfiguration {

		@Bean
		@DynamoDbStreamProcessor("Items")
		Function<Flux<StreamRecord<String>>, Mono<Void>> strings() {
			return Flux::then;
		}

	}

}
